package dev.kmstags.kms.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** A bulk commit of keys in two regions, with the real SDK client against the bundled backend over HTTP. */
class RegionalBulkCommitTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final TagCallQuotas FAST = new TagCallQuotas(500, 500);

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsConnection connection;
    /** Key ARN, alternately of each region. */
    private final List<String> arns = new ArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<BulkSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        for (int i = 0; i < 3; i++) {
            for (String region : REGIONS) {
                try (KmsClient client = KmsClients.create(connection.withRegion(region))) {
                    arns.add(client.createKey(b -> b.tags(Tag.builder().tagKey("Owner").tagValue("alice").build()))
                            .keyMetadata().arn());
                }
            }
        }
    }

    @AfterEach
    void stop() {
        sessions.forEach(BulkSession::close);
        backend.close();
    }

    private Map<String, String> kmsTags(String arn) {
        try (KmsClient client = KmsClients.create(connection.withRegion(Arns.region(arn).orElseThrow()))) {
            Map<String, String> tags = new LinkedHashMap<>();
            client.listResourceTagsPaginator(b -> b.keyId(arn)).tags().forEach(t -> tags.put(t.tagKey(),
                    t.tagValue()));
            return tags;
        }
    }

    private RegionalBulkCommit commit() {
        return new RegionalBulkCommit(arn -> Arns.region(arn).orElseThrow(), region -> {
            opened.add(region);
            BulkSession session = BulkSession.open(connection.withRegion(region), FAST);
            sessions.add(session);
            return session.writer();
        });
    }

    @Test
    void eachRegionsKeysAreWrittenByAWriterOfThatRegionAndTheResultKeepsThePlansOrder() {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        arns.forEach(arn -> loaded.put(arn, kmsTags(arn)));
        Map<String, TagPlan> plans = BulkEdit.EMPTY.then(new BulkOperation.SetTag("CostCenter", "CC-7"))
                .plan(BulkSelection.ofTags(loaded)).ready();
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();

        BulkResult result = commit().start(plans, new BulkTagWriter.Listener() {
            @Override
            public void progress(BulkProgress now) {
                progress.add(now);
            }
        }).result().join();

        assertThat(opened).as("one writer, with its own paces, per region").containsExactlyElementsOf(REGIONS);
        assertThat(result.keys().keySet()).containsExactlyElementsOf(arns);
        assertThat(result.keys().values()).allSatisfy(keyResult -> assertThat(keyResult)
                .isInstanceOf(KeyResult.Applied.class));
        arns.forEach(arn -> assertThat(kmsTags(arn)).as(arn).containsEntry("CostCenter", "CC-7"));
        assertThat(progress).extracting(BulkProgress::total).containsOnly(6);
        assertThat(progress.stream().mapToInt(BulkProgress::done).max().orElse(0)).isEqualTo(6);
    }

    @Test
    void plansAreGroupedByTheRegionOfTheirKey() {
        Map<String, TagPlan> plans = new LinkedHashMap<>();
        arns.forEach(arn -> plans.put(arn, TagPlan.between(Map.of(), List.of())));

        Map<String, Map<String, TagPlan>> byRegion = commit().byRegion(plans);

        assertThat(byRegion).containsOnlyKeys(REGIONS);
        byRegion.forEach((region, regionPlans) -> assertThat(regionPlans.keySet())
                .allMatch(arn -> arn.contains(":" + region + ":")).hasSize(3));
    }
}
