package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KmsTagManagerAppTest {

    @Test
    void theRegionComesFromTheRegionOption() {
        assertThat(KmsTagManagerApp.region(List.of("--region", "eu-west-1"))).isEqualTo("eu-west-1");
        assertThat(KmsTagManagerApp.region(List.of("--profile", "dev", "--region", "ap-south-1")))
                .isEqualTo("ap-south-1");
    }

    @Test
    void withoutARegionTheAppOpensUsEast1() {
        assertThat(KmsTagManagerApp.region(List.of())).isEqualTo("us-east-1");
        assertThat(KmsTagManagerApp.region(List.of("--region"))).isEqualTo("us-east-1");
        assertThat(KmsTagManagerApp.region(List.of("--region", " "))).isEqualTo("us-east-1");
    }
}
