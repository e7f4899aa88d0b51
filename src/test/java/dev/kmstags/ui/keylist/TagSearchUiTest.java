package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key list's search box in a real, headless JavaFX scene: tag terms, the count, Escape, clear, problems. */
@ExtendWith(ApplicationExtension.class)
class TagSearchUiTest {

    private KeyListViewModel viewModel;

    @Start
    void start(Stage primaryStage) {
        Stage stage = new Stage();
        viewModel = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, new AppState());
        Scene scene = new Scene(new KeyListView(viewModel, MESSAGES.bundle()), 1100, 400);
        scene.getStylesheets().add(Objects.requireNonNull(
                getClass().getResource("/dev/kmstags/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void loadTaggedKeys(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, NO_ALIAS));
            listener.tagsArrived(List.of(
                    KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "platform"), new Tag("Owner", "ann"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "plattform"))),
                    KeyTags.read(NO_ALIAS.keyId(), List.of(new Tag("Team", "data")))));
            return 3;
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static String count(FxRobot robot) {
        return robot.lookup(".panel-count").queryAs(Label.class).getText();
    }

    private static TextField searchField(FxRobot robot) {
        return robot.lookup(".search-field").queryAs(TextField.class);
    }

    @Test
    void typedTagTermsFilterTheKeysAndTheCountSaysHowManyOfAll(FxRobot robot) {
        robot.clickOn(".search-field").write("Team=plat* !Owner");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.sortedRows()).extracting(KeyRowViewModel::keyId).containsExactly(REPORTING.keyId());
        assertThat(count(robot)).isEqualTo("1 of 3 keys");
        assertThat(searchField(robot).getTooltip().getText()).contains("Team=platform", "Team=plat*", "Team=",
                "!Owner", "Escape");
    }

    @Test
    void escapeAndTheClearButtonEmptyTheSearch(FxRobot robot) {
        Button clear = robot.lookup(".clear-search-button").queryAs(Button.class);
        assertThat(clear.isVisible()).as("nothing to clear").isFalse();
        robot.clickOn(".search-field").write("Team=data");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count(robot)).isEqualTo("1 of 3 keys");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(searchField(robot).getText()).isEmpty();
        assertThat(count(robot)).isEqualTo("3 keys");

        robot.write("Owner=");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clear.isVisible()).isTrue();
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(searchField(robot).getText()).isEmpty();
        assertThat(viewModel.sortedRows()).hasSize(3);
        assertThat(searchField(robot).isFocused()).as("the box keeps the focus to type again").isTrue();
    }

    @Test
    void aSearchThatCannotBeReadIsMarkedAndSaysWhy(FxRobot robot) {
        Label problem = robot.lookup(".search-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isFalse();

        robot.clickOn(".search-field").write("Team=\"plat");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("A quote opened at character 6 is never closed.");
        assertThat(searchField(robot).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("danger"));
        // Typed a character at a time, "Team=" was the last search that could be read: every key has a Team tag.
        assertThat(viewModel.sortedRows()).as("the keys of the last search that could be read").hasSize(3);

        robot.write("\"");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.isVisible()).isFalse();
        assertThat(searchField(robot).getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("danger"));
        assertThat(viewModel.sortedRows()).isEmpty();
    }
}
