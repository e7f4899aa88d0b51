package dev.kmstags.ui.bulkcommit;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.bulk.BulkSession;
import dev.kmstags.kms.bulk.BulkTagWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Bulk commits on a client of their own for the connection open when each starts, closed when it ends: a commit
 * finishes its keys under way even when the app's connection is replaced meanwhile.
 */
public final class SessionBulkCommits implements BulkCommits {

    private final Supplier<KmsConnection> connection;
    private final Supplier<TagCallQuotas> quotas;

    /**
     * @param connection the open connection; null while none is
     * @param quotas     the account's quotas as set now (a setting the user may change between commits)
     */
    public SessionBulkCommits(Supplier<KmsConnection> connection, Supplier<TagCallQuotas> quotas) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    @Override
    public BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener listener) {
        KmsConnection open = connection.get();
        if (open == null) {
            throw new IllegalStateException("No connection is open");
        }
        BulkSession session = BulkSession.open(open, quotas.get());
        BulkTagWriter.Run run = session.writer().start(plans, listener);
        run.result().whenComplete((result, failure) -> session.close());
        return run;
    }

    @Override
    public TagCallQuotas quotas() {
        return quotas.get();
    }
}
