package dev.kmstags.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionPreferencesTest {

    private final ConnectionPreferences preferences = new ConnectionPreferences(MemoryPreferences.newRoot());

    @Test
    void tagColumnsAreKeptPerConnection() {
        preferences.rememberTagColumns(ConnectionTarget.BUNDLED, List.of("Owner", "Cost Center"));
        preferences.rememberTagColumns(ConnectionTarget.profile("prod"), List.of("Team"));

        assertThat(preferences.tagColumns(ConnectionTarget.BUNDLED)).containsExactly("Owner", "Cost Center");
        assertThat(preferences.tagColumns(ConnectionTarget.profile("prod"))).containsExactly("Team");
        assertThat(preferences.tagColumns(ConnectionTarget.profile("dev"))).isEmpty();

        preferences.rememberTagColumns(ConnectionTarget.profile("prod"), List.of());
        assertThat(preferences.tagColumns(ConnectionTarget.profile("prod"))).isEmpty();
    }

    @Test
    void aProfileWithAVeryLongNameKeepsItsTagColumnsToo() {
        ConnectionTarget longName = ConnectionTarget.profile("x".repeat(200));
        ConnectionTarget otherLongName = ConnectionTarget.profile("x".repeat(199) + "y");

        preferences.rememberTagColumns(longName, List.of("Owner"));
        preferences.rememberTagColumns(otherLongName, List.of("Team"));

        assertThat(preferences.tagColumns(longName)).containsExactly("Owner");
        assertThat(preferences.tagColumns(otherLongName)).containsExactly("Team");
    }
}
