package dev.kmstags.ui.bulkcommit;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.bulk.BulkSession;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.kms.bulk.RegionalBulkCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bulk commits on clients of their own for the connection open when each starts, closed when it ends: a commit
 * finishes its keys under way even when the app's connection is replaced meanwhile. Each key is written in its own
 * region (All regions shows keys of many), each region on a client of its own paced to the quotas, which KMS counts
 * per account and region.
 */
public final class SessionBulkCommits implements BulkCommits {

    private final Supplier<KmsConnection> connection;
    private final Function<String, Optional<String>> regionOfKey;
    private final Supplier<TagCallQuotas> quotas;

    /** Commits in the connection's region only. */
    public SessionBulkCommits(Supplier<KmsConnection> connection, Supplier<TagCallQuotas> quotas) {
        this(connection, key -> Optional.empty(), quotas);
    }

    /**
     * @param connection  the open connection; null while none is
     * @param regionOfKey the region of a key by the name the plans give it (key ID or ARN); empty for the
     *                    connection's own region
     * @param quotas      the account's quotas as set now (a setting the user may change between commits)
     */
    public SessionBulkCommits(Supplier<KmsConnection> connection, Function<String, Optional<String>> regionOfKey,
                              Supplier<TagCallQuotas> quotas) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.regionOfKey = Objects.requireNonNull(regionOfKey, "regionOfKey");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    @Override
    public BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener listener) {
        KmsConnection open = connection.get();
        if (open == null) {
            throw new IllegalStateException("No connection is open");
        }
        TagCallQuotas paced = quotas.get();
        List<BulkSession> sessions = new ArrayList<>();
        RegionalBulkCommit commit = new RegionalBulkCommit(key -> regionOfKey.apply(key).orElse(open.region()),
                region -> {
                    BulkSession session = BulkSession.open(open.withRegion(region), paced);
                    sessions.add(session);
                    return session.writer();
                });
        try {
            BulkTagWriter.Run run = commit.start(plans, listener);
            run.result().whenComplete((result, failure) -> sessions.forEach(BulkSession::close));
            return run;
        } catch (RuntimeException e) {
            sessions.forEach(BulkSession::close);
            throw e;
        }
    }

    @Override
    public TagCallQuotas quotas() {
        return quotas.get();
    }

    @Override
    public Optional<String> regionOf(String key) {
        return regionOfKey.apply(key);
    }
}
