package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "All regions" over the real SDK client against the bundled backend's demo account (keys in us-east-1 and
 * eu-west-1): every region read at once, a region that fails reported beside the others, and each key's tags read
 * and written in its own region.
 */
class MultiRegionServicesTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsConnection connection;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private MultiRegionServices services;

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        services = new MultiRegionServices(List.of("us-east-1", "eu-west-1", "ap-south-1", "ap-east-1"), region -> {
            opened.add(region);
            if (region.equals("ap-east-1")) {
                return new NotEnabledRegion();
            }
            return KmsSession.open(connection.withRegion(region));
        });
    }

    @AfterEach
    void stop() {
        services.close();
        backend.close();
    }

    /** KMS's answer in an opt-in region the account has not enabled. */
    private static final class NotEnabledRegion implements KmsServices {
        @Override
        public KeyCatalog keyCatalog() {
            return listener -> {
                throw new KmsAccessException(KmsProblem.INVALID_CREDENTIALS,
                        "KMS rejected the credentials (UnrecognizedClientException).", "", null);
            };
        }

        @Override
        public TagService tagService() {
            throw new UnsupportedOperationException();
        }
    }

    /** Records what the listing hands over, and on which threads. */
    private static final class Recorder implements KeyCatalog.Listener {
        final List<KeySummary> keys = new ArrayList<>();
        final Map<String, KeyTags> tags = new LinkedHashMap<>();
        final List<String> started = new ArrayList<>();
        final Map<String, Integer> loaded = new LinkedHashMap<>();
        final Map<String, KmsAccessException> failed = new LinkedHashMap<>();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void accept(List<KeySummary> arrived) {
            threads.add(Thread.currentThread());
            keys.addAll(arrived);
        }

        @Override
        public void tagsArrived(List<KeyTags> arrived) {
            threads.add(Thread.currentThread());
            arrived.forEach(keyTags -> tags.put(keyTags.keyId(), keyTags));
        }

        @Override
        public void regionsStarted(List<String> regions) {
            started.addAll(regions);
        }

        @Override
        public void regionLoaded(String region, int count) {
            threads.add(Thread.currentThread());
            loaded.put(region, count);
        }

        @Override
        public void regionFailed(String region, KmsAccessException failure) {
            threads.add(Thread.currentThread());
            failed.put(region, failure);
        }
    }

    private static long inRegion(List<KeySummary> keys, String region) {
        return keys.stream().filter(key -> key.arn().startsWith("arn:aws:kms:" + region + ":")).count();
    }

    @Test
    void everyRegionIsReadWithItsTagsAndARegionThatFailsIsReportedBesideTheOthers() {
        Recorder recorder = new Recorder();

        int count = services.keyCatalog().listKeys(recorder);

        assertThat(recorder.started).containsExactly("us-east-1", "eu-west-1", "ap-south-1", "ap-east-1");
        assertThat(count).isEqualTo(recorder.keys.size()).isEqualTo(17);
        assertThat(inRegion(recorder.keys, "us-east-1")).isEqualTo(12);
        assertThat(inRegion(recorder.keys, "eu-west-1")).isEqualTo(5);
        assertThat(recorder.loaded).containsOnly(Map.entry("us-east-1", 12), Map.entry("eu-west-1", 5),
                Map.entry("ap-south-1", 0));
        assertThat(recorder.failed).containsOnlyKeys("ap-east-1");
        assertThat(recorder.failed.get("ap-east-1").problem()).isEqualTo(KmsProblem.INVALID_CREDENTIALS);
        assertThat(recorder.threads).as("the listener is called on the calling thread only")
                .containsExactly(Thread.currentThread());
        KeySummary paymentsEu = recorder.keys.stream().filter(key -> key.aliases().contains("alias/payments-eu"))
                .findFirst().orElseThrow();
        assertThat(recorder.tags.get(paymentsEu.keyId()).tags()).contains(new Tag("DataResidency", "EU"));
    }

    @Test
    void aKeyOfAnotherRegionHasItsTagsReadAndWrittenInItsRegion() {
        Recorder recorder = new Recorder();
        services.keyCatalog().listKeys(recorder);
        KeySummary exports = recorder.keys.stream().filter(key -> key.aliases().contains("alias/customer-exports"))
                .findFirst().orElseThrow();
        TagService tags = services.tagService();

        Map<String, String> before = tags.readTags(exports.keyId());
        assertThat(before).containsEntry("Team", "support");
        List<EditedTag> after = before.entrySet().stream()
                .map(tag -> EditedTag.loaded(tag.getKey(), tag.getKey(),
                        tag.getKey().equals("Team") ? "privacy" : tag.getValue()))
                .toList();
        CommitOutcome outcome = tags.commit(exports.keyId(), TagPlan.between(before, after));

        assertThat(outcome).isInstanceOf(CommitOutcome.Applied.class);
        try (KmsSession euWest = KmsSession.open(connection.withRegion("eu-west-1"))) {
            assertThat(euWest.tagService().readTags(exports.keyId())).containsEntry("Team", "privacy");
        }
        // By ARN too, before any listing named the key.
        assertThat(new MultiRegionServices(List.of("us-east-1"), region -> KmsSession.open(
                connection.withRegion(region))).tagService().readTags(exports.arn())).containsEntry("Team", "privacy");
    }
}
