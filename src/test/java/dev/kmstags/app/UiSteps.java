package dev.kmstags.app;

import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The steps UI tests of the main window take in it ({@link AppWindowUiTest}): waiting for the keys or for something
 * to show, finding a key's cell, a label's text or a button, typing into a field, asking the JavaFX thread.
 */
final class UiSteps {

    /** How long a step may take to show before the test fails. */
    static final long WAIT = 30;
    /** The first load of a test's window starts the backend in a JVM that has just started: on a busy machine, slow. */
    static final long FIRST_LOAD_WAIT = 120;
    /** The buttons of any dialog. */
    static final String DIALOG_BUTTON = ".dialog-pane .button";

    private UiSteps() {
    }

    static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    /** Waits until the window has listed its 12 demo keys. */
    static void waitForKeys(FxRobot robot) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(FIRST_LOAD_WAIT, TimeUnit.SECONDS,
                    () -> "12 keys loaded".equals(text(robot, ".status-text")));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until the keys are loaded: " + text(robot, ".status-text"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the visible label {@code query} finds; empty when none shows. */
    /**
     * The text of the visible label {@code query} finds, read on the JavaFX thread: read from the test's thread, two
     * labels set in one JavaFX step could be seen one before and one after it.
     */
    static String text(FxRobot robot, String query) {
        Supplier<String> read = () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQueryAs(Labeled.class)
                .map(Labeled::getText).orElse("");
        return Platform.isFxApplicationThread() ? read.get() : onFx(read::get);
    }

    /**
     * What {@code lookup} finds, once it finds something: the node of that very look, not of a second one, which
     * may come back empty while a table redraws its rows.
     */
    static <T> T once(String what, Supplier<Optional<T>> lookup) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        waitUntil(what, () -> {
            lookup.get().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    static <T> T onFx(Callable<T> action) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
    }

    /** The key table's cell showing {@code alias}, once it sits where that key's row is. */
    static Node keyCell(FxRobot robot, String alias) throws Exception {
        return once(alias + " is shown in its row", () -> keyCellNow(robot, alias));
    }

    /** The key table's cell showing {@code alias} where that key's row is, if it shows now. */
    static Optional<Node> keyCellNow(FxRobot robot, String alias) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())
                        && cell.getIndex() >= 0 && cell.getIndex() < cell.getTableView().getItems().size()
                        && cell.getTableView().getItems().get(cell.getIndex()).aliasesText().equals(alias))
                .tryQuery();
    }

    /** The editor's tag cell showing {@code text}, once it shows in a row. */
    static Labeled tagCell(FxRobot robot, String text) throws Exception {
        return once("a tag cell shows " + text, () -> tagCellNow(robot, text));
    }

    /** The editor's tag cell showing {@code text} in a row, if it shows now. */
    static Optional<Labeled> tagCellNow(FxRobot robot, String text) {
        return robot.lookup(".tag-table .tag-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<?, ?> cell) -> cell.getIndex() >= 0 && text.equals(cell.getItem()))
                .tryQueryAs(Labeled.class);
    }

    /**
     * Turns the access check on (Connection → Check access changes (IAM)), opens {@code first}, adds {@code second}
     * to the selection with Control held, and waits until the panel shows the tags of both.
     */
    static void selectTwoKeysCheckingAccess(FxRobot robot, String first, String second) throws Exception {
        robot.clickOn("Connection");
        robot.clickOn("Check access changes (IAM)");
        robot.clickOn(keyCell(robot, first));
        waitUntil(first + " is open", () -> first.equals(text(robot, ".details-title")));
        robot.press(KeyCode.CONTROL).clickOn(keyCell(robot, second)).release(KeyCode.CONTROL);
        waitUntil("the tags of the 2 keys show", () -> "Tags of 2 keys".equals(text(robot, ".bulk-title")));
    }

    /** Replaces the text of the visible field {@code query} finds with {@code text}, typed. */
    static void typeInto(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }

    /** The visible button {@code query} finds with {@code text}, once it shows, enabled or not. */
    static Button shownButton(FxRobot robot, String query, String text) throws Exception {
        return once("the button " + text + " shows", () -> visibleButton(robot, query, text));
    }

    /** The visible button {@code query} finds with {@code text}, once it shows enabled. */
    static Button enabledButton(FxRobot robot, String query, String text) throws Exception {
        AtomicReference<Button> found = new AtomicReference<>();
        waitUntil("the button " + text + " shows enabled", () -> {
            visibleButton(robot, query, text).filter(button -> !button.isDisabled()).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static Optional<Button> visibleButton(FxRobot robot, String query, String text) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).match((Button b) -> text.equals(b.getText()))
                .tryQuery();
    }

    /** Fires a File menu item without waiting for it: it shows dialogs that wait for the user. */
    static void fileMenu(FxRobot robot, String text) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().replace("_", "").equals("File")).findFirst().orElseThrow();
        MenuItem item = file.getItems().stream().filter(i -> i.getText() != null
                && i.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire);
    }
}
