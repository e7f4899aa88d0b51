package dev.kmstags.local;

import dev.kmstags.local.store.SqliteKeyStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes keys whose waiting period has ended, as KMS does once a key's deletion date passes. */
final class ExpiredKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredKeys.class);

    private final Clock clock;

    ExpiredKeys(Clock clock) {
        this.clock = clock;
    }

    int purge(SqliteKeyStore store) {
        return store.write(session -> {
            List<String> due = session.keysDueForDeletion(clock.instant().getEpochSecond());
            due.forEach(session::deleteKey);
            if (!due.isEmpty()) {
                LOG.info("Deleted {} keys whose deletion date has passed", due.size());
            }
            return due.size();
        });
    }
}
