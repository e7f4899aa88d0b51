package dev.kmstags.local.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<KmsRequest> served = new ArrayList<>();
    private final Throttle throttle = new Throttle(request -> {
        served.add(request);
        return JsonNodeFactory.instance.objectNode();
    }, RequestQuotas.aws(), nanos::get);

    @TempDir
    Path directory;

    private static KmsRequest request(String account, String region, String operation) {
        return new KmsRequest(operation, region, account, JsonNodeFactory.instance.objectNode());
    }

    private int servedOf(int calls, String account, String region, String operation) {
        int before = served.size();
        for (int i = 0; i < calls; i++) {
            try {
                throttle.handle(request(account, region, operation));
            } catch (KmsException e) {
                assertThat(e.code()).isEqualTo("ThrottlingException");
            }
        }
        return served.size() - before;
    }

    @Test
    void theAwsTableHoldsKmsQuotasPerSecond() {
        assertThat(RequestQuotas.aws().table()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TagResource", 10d, "UntagResource", 5d, "DescribeKey", 2000d, "ListResourceTags", 2000d,
                "ListKeys", 500d, "ListAliases", 500d));
        assertThat(RequestQuotas.none().isEmpty()).isTrue();
    }

    @Test
    void overTheQuotaTheRequestIsRefusedExactlyAsKmsDoesWithoutReachingTheOperation() {
        assertThat(servedOf(10, "AKID", "us-east-1", "TagResource")).isEqualTo(10);

        KmsException refused = catchThrowableOfType(KmsException.class,
                () -> throttle.handle(request("AKID", "us-east-1", "TagResource")));

        assertThat(refused.code()).isEqualTo("ThrottlingException");
        assertThat(refused.getMessage()).isEqualTo(
                "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(served).hasSize(10);
    }

    @Test
    void eachAccountRegionAndOperationHasItsOwnBucket() {
        assertThat(servedOf(12, "AKID", "us-east-1", "TagResource")).isEqualTo(10);

        assertThat(servedOf(12, "AKID", "eu-west-1", "TagResource")).isEqualTo(10);
        assertThat(servedOf(12, "AKOTHER", "us-east-1", "TagResource")).isEqualTo(10);
        assertThat(servedOf(7, "AKID", "us-east-1", "UntagResource")).isEqualTo(5);
        assertThat(servedOf(600, "AKID", "us-east-1", "ListKeys")).isEqualTo(500);
    }

    @Test
    void operationsWithoutAQuotaAreNeverThrottled() {
        assertThat(servedOf(1_000, "AKID", "us-east-1", "CreateKey")).isEqualTo(1_000);
    }

    @Test
    void theBucketRefillsAtTheQuota() {
        servedOf(10, "AKID", "us-east-1", "TagResource");

        nanos.addAndGet(500_000_000);

        assertThat(servedOf(10, "AKID", "us-east-1", "TagResource")).isEqualTo(5);
    }

    @Test
    void withoutQuotasNothingIsThrottledAndQuotasCanBeSwitchedOnWhileRunning() {
        throttle.quotas(RequestQuotas.none());
        assertThat(servedOf(100, "AKID", "us-east-1", "TagResource")).isEqualTo(100);

        throttle.quotas(RequestQuotas.aws());
        assertThat(servedOf(100, "AKID", "us-east-1", "TagResource")).isEqualTo(10);
    }

    @Test
    void aQuotasFileOverridesSingleEntriesOfTheAwsTable() throws IOException {
        Path file = Files.writeString(directory.resolve("quotas.properties"), """
                # requests per second
                TagResource = 2.5
                ListKeys = unlimited
                CreateKey = 5
                """);

        RequestQuotas quotas = RequestQuotas.fromFile(file);

        assertThat(quotas.perSecond("TagResource")).contains(2.5);
        assertThat(quotas.perSecond("ListKeys")).isEmpty();
        assertThat(quotas.perSecond("CreateKey")).contains(5d);
        assertThat(quotas.perSecond("UntagResource")).contains(5d);
    }

    @Test
    void aQuotasFileWithAWrongRateNamesTheFileAndTheOperation() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.properties"), "TagResource = fast\n");

        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RequestQuotas.fromFile(file)))
                .hasMessage(file + ": the quota of TagResource must be a number of requests per second above 0,"
                        + " or unlimited, not 'fast'");
    }
}
