package dev.kmstags.ui.bulk;

import dev.kmstags.domain.TagPlan;
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
     * Opens the review of {@code plan} once the access check, if on, has read what it needs; the dialog may show a
     * moment later ({@link DialogService#open}). Once the user answered (and confirmed a loss of access again),
     * tells {@code answered} whether they applied it, then, if they did, hands the plan to the commit.
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
        if (!state.accessCheckProperty().get() || open == null) {
            show(plan, names, null, answered);
            return;
        }
        // Reading IAM takes a network call the first time: the review opens once the check is done.
        AccessPolicies policies = open.accessPolicies();
        Map<String, TagPlan> ready = plan.ready();
        reading.set(messages.format("access.reading", messages.format("keyList.count", ready.size())));
        executor.execute(() -> BulkGuardrails.checkAccess(policies, ready, arns),
                access -> {
                    reading.set("");
                    show(plan, names, access, answered);
                }, failure -> {
                    reading.set("");
                    LOG.error("Checking access changes for a bulk change failed unexpectedly", failure);
                    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                            : failure.getMessage();
                    show(plan, names, new BulkGuardrails.AccessResult(
                            new AccessPolicies.Unavailable(KmsProblem.UNEXPECTED, detail), Map.of()), answered);
                });
    }

    /**
     * "Reading the account's IAM policies for the review of 3 keys…" while the access check reads what it needs
     * before the review opens, as the single-key review says in the status bar; empty otherwise.
     */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    private void show(BulkPlan plan, Map<String, String> names, BulkGuardrails.AccessResult access,
                      Consumer<Boolean> answered) {
        BulkGuardrails guardrails = BulkGuardrails.of(plan.ready(), keyId -> names.getOrDefault(keyId, keyId),
                state.tagPolicyProperty().get(), access, messages);
        BulkReviewViewModel review = new BulkReviewViewModel(plan, names, starter::regionOf,
                state.connectionTextProperty().get(), state.productionProperty().get(), quotas, messages)
                .withGuardrails(guardrails);
        dialogs.open(review, confirmed -> {
            boolean applied = Boolean.TRUE.equals(confirmed) && confirmLosses(guardrails);
            answered.accept(applied);
            if (applied) {
                starter.start(plan, guardrails.accessChanges());
            }
        });
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
