package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmzDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"20150830T123600Z", "20240229T000000Z", "19991231T235959Z"})
    void readsAndWritesTheBasicFormatAsTheIsoInstantDoes(String text) {
        Instant time = AmzDate.parse(text);

        assertThat(time).isEqualTo(Instant.parse(text.substring(0, 4) + "-" + text.substring(4, 6) + "-"
                + text.substring(6, 11) + ":" + text.substring(11, 13) + ":" + text.substring(13)));
        assertThat(AmzDate.format(time)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20150830T123600", "20150830 123600Z", "2015-08-30T12:36:00Z", "20150230T123600Z",
        "20150830T246000Z", "2015083OT123600Z", "20150830T123600Z ", ""})
    void refusesWhatIsNotAnExistingTimeInTheBasicFormat(String text) {
        assertThatThrownBy(() -> AmzDate.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
