package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.tageditor.TagRowViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Typing into the tag table as a person does, one key at a time with a pause between keystrokes, in the real main
 * window on the bundled backend: warnings that appear mid-word and rows added below the visible area must not
 * cost a single character.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TagEditorTypingUiTest {

    private static final long WAIT = 30;

    @TempDir
    Path folder;

    private AppContext context;
    private Stage stage;
    /** Seeded, so a failure can be replayed keystroke for keystroke. */
    private final Random gaps = new Random(11);

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        context = new AppContext(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0), "us-east-1",
                Locale.US);
        context.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        context.close();
    }

    @Test
    void typingAtHumanSpeedKeepsEveryCharacterWhenTheWarningAppearsMidWord(FxRobot robot) throws Exception {
        openKey(robot, "alias/payments-prod");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("ab#cdef", "on#call");
        typed.put("Cost#Center", "CC#2001");
        typed.put("Data#Class", "pii#restricted");
        typed.put("Run#book", "wiki#ops");
        typed.put("Esc#alation", "pager#duty");

        typed.forEach((key, value) -> {
            pause(100, 250);
            robot.push(KeyCode.SHORTCUT, KeyCode.N);
            typeSlowly(robot, key, 100, 250);
            robot.type(KeyCode.TAB);
            typeSlowly(robot, value, 100, 250);
            pause(100, 250);
            robot.type(KeyCode.ENTER);
        });

        assertEveryTagArrived(robot, typed);
        Snapshots.save(stage.getScene(), "tag-editor-typed-slowly");
    }

    @Test
    void addingFortyEightTagsInARowKeepsEveryCharacter(FxRobot robot) throws Exception {
        openKey(robot, "alias/release-signing");
        Map<String, String> typed = new LinkedHashMap<>();
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 48; i++) {
            typed.put("K" + letters.charAt(i), String.valueOf(letters.charAt(47 - i)));
        }

        typed.forEach((key, value) -> {
            robot.push(KeyCode.SHORTCUT, KeyCode.N);
            typeSlowly(robot, key, 100, 120);
            robot.type(KeyCode.TAB);
            typeSlowly(robot, value, 100, 120);
            robot.type(KeyCode.ENTER);
        });

        assertEveryTagArrived(robot, typed);
        assertThat(text(robot, ".tag-count")).isEqualTo("50 of 50 tags");
        Snapshots.save(stage.getScene(), "tag-editor-48-added");
    }

    @Test
    void aChangedValueShowsTheNewTextFirstAndCtrlZAndCtrlYTakeEditsBackAndForth(FxRobot robot) throws Exception {
        openKey(robot, "alias/payments-prod");
        String before = "payments-oncall@example.com";
        String after = "team-ops@example.com";
        TagEditorUiTest.startEditing(robot, () -> valueCell(robot, before));
        typeSlowly(robot, after, 20, 40);
        robot.type(KeyCode.ENTER);

        Labeled changed = valueCell(robot, after);
        Snapshots.save(stage.getScene(), "tag-editor-changed-value");
        assertThat(renderedText(changed, ".tag-current")).as("the new value, whole").isEqualTo(after);
        assertThat(renderedText(changed, ".tag-previous")).as("the old value after it, cut first")
                .matches("was payments-oncall@example\\.com|was .*(\u2026|\\.\\.\\.)");
        assertThat(changed.getTooltip().getText()).isEqualTo("Was: " + before + "\nNow: " + after);

        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        assertThat(renderedText(valueCell(robot, before), ".text")).isEqualTo(before);
        assertThat(valueCell(robot, before).getGraphic()).as("nothing changed, nothing old to show").isNull();
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        assertThat(renderedText(valueCell(robot, after), ".tag-current")).isEqualTo(after);
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        valueCell(robot, before);
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        valueCell(robot, after);

        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        typeSlowly(robot, "Steward", 20, 40);
        robot.type(KeyCode.ENTER);
        waitUntil("the new tag is counted", () -> "7 of 50 tags".equals(text(robot, ".tag-count")));
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        waitUntil("undo takes the typed key back", () -> keysShown(robot).contains(""));
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        waitUntil("undo takes the added row back", () -> "6 of 50 tags".equals(text(robot, ".tag-count")));
        assertThat(keysShown(robot)).doesNotContain("", "Steward");
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        valueCell(robot, before);
        assertThat(tagTable(robot).getItems()).noneMatch(TagRowViewModel::isEdited);
    }

    private static Labeled valueCell(FxRobot robot, String value) throws Exception {
        waitUntil("a value cell shows " + value, () -> valueCellNow(robot, value).isPresent());
        return valueCellNow(robot, value).orElseThrow();
    }

    private static Optional<Labeled> valueCellNow(FxRobot robot, String value) {
        return robot.lookup(".tag-table .tag-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<TagRowViewModel, ?> cell) -> cell.getIndex() >= 0
                        && cell.getTableView().getVisibleLeafIndex(cell.getTableColumn()) == 2
                        && value.equals(cell.getItem()))
                .tryQueryAs(Labeled.class);
    }

    /** The text the cell draws under {@code query}, as cut to fit ("…" where it was cut). */
    private static String renderedText(Labeled cell, String query) {
        Node node = cell.lookup(query);
        Text text = node instanceof Text shown ? shown : (Text) node.lookup(".text");
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(text::getText));
    }

    private List<String> keysShown(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> tagTable(robot).getItems().stream()
                .map(row -> row.keyProperty().get()).toList()));
    }

    /** Types {@code text} one character at a time, waiting {@code min}-{@code max} ms before each. */
    private void typeSlowly(FxRobot robot, String text, int min, int max) {
        text.codePoints().forEach(character -> {
            pause(min, max);
            robot.write(Character.toString(character));
        });
    }

    private void pause(int min, int max) {
        try {
            Thread.sleep(min + gaps.nextInt(max - min + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every typed tag is a row of the editor, character for character, and its cells show it so. */
    private void assertEveryTagArrived(FxRobot robot, Map<String, String> typed) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<TagRowViewModel> table = tagTable(robot);
        List<String> added = new ArrayList<>();
        List<Integer> addedRows = new ArrayList<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            for (int index = 0; index < table.getItems().size(); index++) {
                TagRowViewModel row = table.getItems().get(index);
                if (row.originalKey() == null) {
                    added.add(row.keyProperty().get() + "=" + row.valueProperty().get());
                    addedRows.add(index);
                }
            }
        }));
        assertThat(added).as("the rows added, key and value as typed, in order")
                .containsExactlyElementsOf(typed.entrySet().stream().map(String::valueOf).toList());

        for (int index : addedRows) {
            // The flow itself: TableView.scrollTo goes by estimated row heights and may stop short of the last row.
            robot.interact(() -> ((VirtualFlow<?>) table.lookup(".virtual-flow")).scrollTo(index));
            TagRowViewModel row = table.getItems().get(index);
            String key = row.keyProperty().get();
            String value = row.valueProperty().get();
            waitUntil("row " + index + " shows " + key + " = " + value,
                    () -> cellText(robot, index, 1).equals(Optional.of(key))
                            && cellText(robot, index, 2).equals(Optional.of(value)));
        }
    }

    /** What the visible cell of the tag table at {@code row} and {@code column} shows. */
    private static Optional<String> cellText(FxRobot robot, int row, int column) {
        return robot.lookup(".tag-table .tag-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<TagRowViewModel, ?> cell) -> cell.getIndex() == row
                        && cell.getTableView().getVisibleLeafIndex(cell.getTableColumn()) == column)
                .tryQueryAs(Labeled.class).map(Labeled::getText);
    }

    @SuppressWarnings("unchecked")
    private static TableView<TagRowViewModel> tagTable(FxRobot robot) {
        return robot.lookup(".tag-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    private void openKey(FxRobot robot, String alias) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(alias + " is shown in its row", () -> keyCell(robot, alias).isPresent());
        robot.clickOn(keyCell(robot, alias).orElseThrow());
        waitUntil(alias + " is open", () -> alias.equals(text(robot, ".details-title")));
        waitUntil("its tags are loaded", () -> !text(robot, ".tag-count").isEmpty());
    }

    private static Optional<Labeled> keyCell(FxRobot robot, String alias) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())
                        && cell.getIndex() >= 0 && cell.getIndex() < cell.getTableView().getItems().size()
                        && cell.getTableView().getItems().get(cell.getIndex()).aliasesText().equals(alias))
                .tryQueryAs(Labeled.class);
    }
}
