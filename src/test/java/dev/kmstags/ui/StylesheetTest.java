package dev.kmstags.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The app's stylesheet parses without an error: JavaFX only logs one, and drops the rules after it. */
class StylesheetTest {

    @Test
    void theAppStylesheetParsesWithoutErrors() throws Exception {
        URL css = StylesheetTest.class.getResource("/dev/kmstags/ui/app.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();

        Stylesheet sheet = new CssParser().parse(css);

        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).isEmpty();
        assertThat(sheet.getRules()).isNotEmpty();
    }
}
