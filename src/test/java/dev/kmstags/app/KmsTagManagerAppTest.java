package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.quota.RequestQuotas;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsTagManagerAppTest {

    @Test
    void theProfileAndRegionComeFromTheirOptions() {
        assertThat(StartOptions.parse(List.of("--region", "eu-west-1")).region()).contains("eu-west-1");
        StartOptions both = StartOptions.parse(List.of("--profile", "dev", "--region", "ap-south-1"));
        assertThat(both.profile()).contains("dev");
        assertThat(both.region()).contains("ap-south-1");
    }

    @Test
    void quotasAskTheBundledBackendToThrottleLikeKms() {
        assertThat(StartOptions.parse(List.of("--quotas", "aws")).backendQuotas().table())
                .isEqualTo(RequestQuotas.aws().table());
        assertThat(StartOptions.parse(List.of("--region", "eu-west-1")).backendQuotas().isEmpty()).isTrue();
    }

    @Test
    void withoutOptionsNothingIsAskedFor() {
        assertThat(StartOptions.parse(List.of())).isEqualTo(StartOptions.NONE);
        assertThat(StartOptions.parse(List.of("--region"))).isEqualTo(StartOptions.NONE);
        assertThat(StartOptions.parse(List.of("--region", " "))).isEqualTo(StartOptions.NONE);
        assertThat(StartOptions.parse(List.of("--profile", "--region", "eu-west-1")).profile()).isEmpty();
    }
}
