package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** What the SQLite file keeps: across restarts, and under concurrent writers. */
class PersistenceTest {

    @TempDir
    Path directory;

    @Test
    void keysAliasesAndTagsSurviveARestartOnTheSameFile() {
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            String keyId = backend.createKey(tag("Env", "prod"));
            backend.client().createAlias(b -> b.aliasName("alias/kept").targetKeyId(keyId));
            backend.client().disableKey(b -> b.keyId(keyId));

            backend.restart();

            KmsClient kms = backend.client();
            assertThat(kms.describeKey(b -> b.keyId("alias/kept")).keyMetadata().keyId()).isEqualTo(keyId);
            assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().enabled()).isFalse();
            assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).containsExactly(tag("Env", "prod"));
        }
    }

    @Test
    void markersStayValidAcrossARestart() {
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            backend.createKey();
            backend.createKey();
            String marker = backend.client().listKeys(b -> b.limit(1)).nextMarker();

            backend.restart();

            assertThat(backend.client().listKeys(b -> b.marker(marker)).keys()).hasSize(1);
        }
    }

    @Test
    void eightClientsTaggingTheSameKeyAtOnceKeepEveryTag() throws Exception {
        int writers = 8;
        int tagsEach = 6;
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            String keyId = backend.createKey();
            List<KmsClient> clients = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                clients.add(backend.client());
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int t = 0; t < tagsEach; t++) {
                        Tag tag = tag("writer-" + writer + "-tag-" + t, "v");
                        clients.get(writer).tagResource(b -> b.keyId(keyId).tags(tag));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(backend.client().listResourceTagsPaginator(b -> b.keyId(keyId)).tags())
                    .hasSize(writers * tagsEach);
        }
    }

    @Test
    void concurrentWritersNeverPassTheTagLimitTogether() throws Exception {
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            String keyId = backend.createKey();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                KmsClient client = backend.client();
                int writer = w;
                results.add(pool.submit(() -> {
                    List<Tag> tags = new ArrayList<>();
                    for (int t = 0; t < 10; t++) {
                        tags.add(tag("w" + writer + "-" + t, "v"));
                    }
                    try {
                        client.tagResource(b -> b.keyId(keyId).tags(tags));
                        return true;
                    } catch (software.amazon.awssdk.services.kms.model.TagException e) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();

            assertThat(accepted).isEqualTo(5);
            assertThat(backend.client().listResourceTagsPaginator(b -> b.keyId(keyId)).tags()).hasSize(50);
        }
    }
}
