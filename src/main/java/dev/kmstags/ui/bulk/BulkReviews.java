package dev.kmstags.ui.bulk;

import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk review of a plan, the bulk editor's or one made elsewhere (an imported file, the fixes of tag key
 * capitalization): one {@link BulkReviewViewModel} on the connection of the moment, with its production confirmation,
 * estimate and guardrails (the connection's tag policy; who gains or loses access, when the user turned the check on,
 * read in the background first). A change that removes access asks once more; Apply hands the plan to the commit,
 * which says that authorization takes time to follow.
 */
public final class BulkReviews implements BulkReviewOpener {

    private static final Logger LOG = LoggerFactory.getLogger(BulkReviews.class);
    /** The confirmation names this many access losses; the rest are counted. */
    private static final int LOSSES_NAMED = 8;

    private final DialogService dialogs;
    private final AppState state;
    private final TaskExecutor executor;
    private final TagCallQuotaPreferences quotas;
    private final Messages messages;
    private final BulkCommitStarter starter;
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper(this, "reading", "");

    public BulkReviews(DialogService dialogs, AppState state, TaskExecutor executor, TagCallQuotaPreferences quotas,
                       Messages messages, BulkCommitStarter starter) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public void review(BulkPlan plan, Map<String, Key> keys, Runnable applied) {
        open(plan, keys, answered -> {
            if (answered) {
                applied.run();
            }
        });
    }

    /**
     * Opens the review of {@code plan} once it is prepared in the background: the access check, if on, reads what it
     * needs, and the guardrails and the review of every key are worked out beside the UI thread, which for 1,000 keys
     * they held too long. The dialog may show a moment later ({@link DialogService#open}). Once the user answered
     * (and confirmed a loss of access again), tells {@code answered} whether they applied it, then, if they did,
     * hands the plan to the commit.
     *
     * @param keys key ID to its name and ARN; an ID not named shows as is
     */
    public void open(BulkPlan plan, Map<String, Key> keys, Consumer<Boolean> answered) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        keys.forEach((keyId, key) -> {
            names.put(keyId, key.name());
            arns.put(keyId, key.arn());
        });
        KmsServices open = state.servicesProperty().get();
        // Reading IAM takes a network call the first time: the review opens once the check is done.
        AccessPolicies policies = state.accessCheckProperty().get() && open != null ? open.accessPolicies() : null;
        if (policies != null) {
            reading.set(messages.format("access.reading", messages.format("keyList.count", plan.ready().size())));
        }
        PolicyInForce policy = state.tagPolicyProperty().get();
        String connection = state.connectionTextProperty().get();
        boolean production = state.productionProperty().get();
        executor.execute(() -> prepare(plan, names, policies == null ? null : checkAccess(policies, plan, arns),
                policy, connection, production), prepared -> {
                    reading.set("");
                    dialogs.open(prepared.review(), confirmed -> {
                        boolean applied = Boolean.TRUE.equals(confirmed) && confirmLosses(prepared.guardrails());
                        answered.accept(applied);
                        if (applied) {
                            starter.start(plan, prepared.guardrails().accessChanges());
                        }
                    });
                }, failure -> {
                    reading.set("");
                    LOG.error("Preparing the review of a bulk change failed", failure);
                    dialogs.showError(messages.get("bulkReview.failed.title"), messages.get("bulkReview.failed.header"),
                            failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
                    answered.accept(false);
                });
    }

    /**
     * "Reading the account's IAM policies for the review of 3 keys…" while the access check reads what it needs
     * before the review opens, as the single-key review says in the status bar; empty otherwise.
     */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** A review worked out in the background, and its guardrails. */
    private record Prepared(BulkReviewViewModel review, BulkGuardrails guardrails) {
    }

    /** Who gains or loses access; an unexpected failure is shown as the check's own, and the review goes on. */
    private static BulkGuardrails.AccessResult checkAccess(AccessPolicies policies, BulkPlan plan,
                                                           Map<String, String> arns) {
        try {
            return BulkGuardrails.checkAccess(policies, plan.ready(), arns);
        } catch (RuntimeException failure) {
            LOG.error("Checking access changes for a bulk change failed unexpectedly", failure);
            String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new BulkGuardrails.AccessResult(new AccessPolicies.Unavailable(KmsProblem.UNEXPECTED, detail),
                    Map.of());
        }
    }

    private Prepared prepare(BulkPlan plan, Map<String, String> names, BulkGuardrails.AccessResult access,
                             PolicyInForce policy, String connection, boolean production) {
        BulkGuardrails guardrails = BulkGuardrails.of(plan.ready(), keyId -> names.getOrDefault(keyId, keyId), policy,
                access, messages);
        return new Prepared(new BulkReviewViewModel(plan, names, starter::regionOf, connection, production, quotas,
                messages).withGuardrails(guardrails), guardrails);
    }

    /**
     * Gets the review's dialog ready without showing it ({@link DialogService#prepare}), for {@code plan} (made up),
     * with the quotas kept in memory only: nothing is remembered, shown or committed.
     */
    void prepare(BulkPlan plan, Map<String, String> names) {
        dialogs.prepare(new BulkReviewViewModel(plan, names, "", false,
                new TagCallQuotaPreferences(MemoryPreferences.newRoot()), messages));
    }

    /** A change that removes access asks once more, naming who loses what; answers whether to go ahead. */
    private boolean confirmLosses(BulkGuardrails guardrails) {
        if (!guardrails.removesAccess()) {
            return true;
        }
        List<BulkGuardrails.Group> losses = guardrails.accessGroups().stream()
                .filter(group -> group.kind() == BulkGuardrails.Kind.LOSS).toList();
        StringBuilder named = new StringBuilder();
        losses.stream().limit(LOSSES_NAMED).forEach(group -> named.append(messages.format("bulkReview.group",
                group.text(), group.keys().size())).append('\n'));
        if (losses.size() > LOSSES_NAMED) {
            named.append(messages.format("bulkReview.access.confirm.more", losses.size() - LOSSES_NAMED));
        }
        return dialogs.confirm(messages.get("access.confirm.title"),
                messages.format("bulkReview.access.confirm.header", guardrails.keysLosingAccess().size()),
                messages.format("access.confirm.content", named.toString().strip()),
                messages.get("access.confirm.action"));
    }
}
