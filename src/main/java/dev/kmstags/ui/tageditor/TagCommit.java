package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.access.AccessCheck;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.CommitOutcome;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.common.TaskHandle;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.review.AccessSection;
import dev.kmstags.ui.review.ReviewViewModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the tag changes of one key: shows them for review, and once the user chose Apply commits exactly the
 * reviewed plan in the background, with a check for concurrent changes. When someone else changed the tags
 * meanwhile, the edit is merged with their change and reviewed again (the user picks a side per truly conflicting
 * tag first); when part of a change went through, the user is told what is on the key now. The table the edit came
 * from is told what to show afterwards, as long as it still shows the key. A bulk edit can run one per key.
 */
public final class TagCommit {

    /** What a commit changes in the table its edit came from, once KMS answered. */
    public interface Table {

        /** Shows {@code tags} as KMS holds them, with no edits. */
        void showTags(Map<String, String> tags);

        /**
         * Keeps the table's edits but measures them against {@code now}, what KMS holds after part of a change went
         * through.
         */
        void rebase(Map<String, String> now);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TagCommit.class);

    private final TaskExecutor executor;
    private final Messages messages;
    private final DialogService dialogs;
    private final TagTableCheck check;
    private final ObservableValue<TagService> tagService;
    private final ObservableBooleanValue production;
    private final ObservableValue<String> connectionText;
    private final ObservableValue<? extends KmsServices> services;
    private final ObservableBooleanValue accessCheck;
    private final ObservableValue<PolicyInForce> tagPolicy;
    private final ReadOnlyBooleanWrapper committing = new ReadOnlyBooleanWrapper(this, "committing");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private final ReadOnlyBooleanWrapper lastResultIsError = new ReadOnlyBooleanWrapper(this, "lastResultIsError");

    /** The table the commit in flight came from, while it still shows that key; null once it shows another. */
    private Table shownIn;
    /** The name of the key whose tag changes are being written; it may no longer be the key shown. */
    private String keyBeingWritten = "";
    /** Closes the app once the commit in flight is written whole; null when closing waits for nothing. */
    private Runnable closeWhenCommitted;

    /**
     * @param tagService     the open connection's tag service, where commits go
     * @param production     whether the connection is marked production
     * @param connectionText where commits go, "profile · account · region", for the review to name
     */
    TagCommit(TaskExecutor executor, Messages messages, DialogService dialogs, TagTableCheck check,
              ObservableValue<TagService> tagService, ObservableBooleanValue production,
              ObservableValue<String> connectionText) {
        this(executor, messages, dialogs, check, tagService, production, connectionText,
                new SimpleObjectProperty<>(), new SimpleBooleanProperty(false));
    }

    /**
     * @param services    the open connection's services, whose account's IAM policies the access check reads
     * @param accessCheck whether reviews on this connection say whose access a change alters
     */
    TagCommit(TaskExecutor executor, Messages messages, DialogService dialogs, TagTableCheck check,
              ObservableValue<TagService> tagService, ObservableBooleanValue production,
              ObservableValue<String> connectionText, ObservableValue<? extends KmsServices> services,
              ObservableBooleanValue accessCheck) {
        this(executor, messages, dialogs, check, tagService, production, connectionText, services, accessCheck,
                new SimpleObjectProperty<>(PolicyInForce.none()));
    }

    /** @param tagPolicy the connection's tag policy, for the review's section about it */
    TagCommit(TaskExecutor executor, Messages messages, DialogService dialogs, TagTableCheck check,
              ObservableValue<TagService> tagService, ObservableBooleanValue production,
              ObservableValue<String> connectionText, ObservableValue<? extends KmsServices> services,
              ObservableBooleanValue accessCheck, ObservableValue<PolicyInForce> tagPolicy) {
        this.services = Objects.requireNonNull(services, "services");
        this.accessCheck = Objects.requireNonNull(accessCheck, "accessCheck");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.check = Objects.requireNonNull(check, "check");
        this.tagService = Objects.requireNonNull(tagService, "tagService");
        this.production = Objects.requireNonNull(production, "production");
        this.connectionText = Objects.requireNonNull(connectionText, "connectionText");
        this.tagPolicy = Objects.requireNonNull(tagPolicy, "tagPolicy");
    }

    /**
     * Shows {@code merge}'s plan for {@code key} for review with the editor's {@code problems} (any of them keeps
     * Apply disabled) and, once the user chose Apply, commits exactly that plan; {@code table} is told the result.
     */
    public void review(KeyEntry key, TagMerge.Result merge, List<String> problems, Table table) {
        KmsServices open = services.getValue();
        if (!accessCheck.get() || open == null) {
            showReview(key, merge, problems, table, AccessSection.OFF);
            return;
        }
        // Reading IAM takes a network call the first time: the review opens once the check is done.
        AccessPolicies policies = open.accessPolicies();
        report(messages.format("access.reading", key.displayName()), false);
        executor.execute(() -> checkAccess(policies, key, merge.plan()), section -> {
            report("", false);
            showReview(key, merge, problems, table, section);
        }, failure -> {
            LOG.error("Checking access changes for {} failed unexpectedly", key.keyId(), failure);
            report("", false);
            showReview(key, merge, problems, table, AccessSection.of(
                    new AccessPolicies.Unavailable(KmsProblem.UNEXPECTED, describe(failure)), null, messages));
        });
    }

    /** Who gains or loses access to the key through {@code plan}; runs off the UI thread. */
    private AccessSection checkAccess(AccessPolicies policies, KeyEntry key, TagPlan plan) {
        AccessPolicies.Reading reading = policies.read();
        AccessReport report = null;
        if (reading instanceof AccessPolicies.Read read) {
            report = new AccessCheck(read.account()).check(key.key().arn(), plan);
        }
        return AccessSection.of(reading, report, messages);
    }

    private void showReview(KeyEntry key, TagMerge.Result merge, List<String> problems, Table table,
                            AccessSection access) {
        String target = connectionText.getValue() == null ? "" : connectionText.getValue();
        ReviewViewModel review = new ReviewViewModel(merge, key.keyId(), key.displayName(), key.key().aliases(),
                target, problems, production.get(), access, messages).withTagPolicy(tagPolicy.getValue());
        if (dialogs.show(review) && confirmLosses(key, access)) {
            commit(key, merge, table, access);
        }
    }

    /** A change that removes access asks once more, naming who loses what; answers whether to go ahead. */
    private boolean confirmLosses(KeyEntry key, AccessSection access) {
        return !access.removesAccess() || dialogs.confirm(messages.get("access.confirm.title"),
                messages.format("access.confirm.header", key.displayName()),
                messages.format("access.confirm.content", String.join("\n", access.lossLines())),
                messages.get("access.confirm.action"));
    }

    /** The table no longer shows the key being written: the result is reported, and the table left alone. */
    public void tableLeft() {
        shownIn = null;
    }

    /** Writes the plan of {@code reviewed}, the result of the review the user just confirmed. */
    private void commit(KeyEntry key, TagMerge.Result reviewed, Table table, AccessSection access) {
        TagPlan plan = reviewed.plan();
        TagService service = tagService.getValue();
        shownIn = table;
        keyBeingWritten = key.displayName();
        report(messages.format("editor.result.applying", key.displayName()), false);
        TaskHandle writing = executor.execute(() -> service.commit(key.id(), plan),
                outcome -> {
                    committed(key, reviewed, outcome, access);
                    closeIfWaiting(outcome instanceof CommitOutcome.Applied);
                },
                failure -> {
                    closeIfWaiting(false);
                    LOG.error("Committing the tags of {} failed unexpectedly", key.keyId(), failure);
                    report(messages.format("editor.result.failed", key.displayName()), true);
                    dialogs.showError(messages.get("commit.failed.title"),
                            messages.format("commit.failed.nothing", key.displayName()),
                            messages.format("commit.unexpected", describe(failure)));
                });
        // Committing follows the task, which may be over already (work run inline), or a commit started from
        // within its result (a merge reviewed again).
        if (writing.runningProperty().get()) {
            committing.bind(writing.runningProperty());
        }
    }

    private void committed(KeyEntry key, TagMerge.Result reviewed, CommitOutcome outcome, AccessSection access) {
        Table table = shownIn;
        String name = key.displayName();
        TagPlan plan = reviewed.plan();
        if (outcome instanceof CommitOutcome.Applied applied) {
            String sentence = messages.format("editor.result.applied", plan.changeCount(), name);
            // AWS: tag changes may take up to five minutes to affect authorization to the key.
            report(access.hasChanges() ? messages.format("access.result.delay", sentence,
                    AccessSection.words(messages).delay()) : sentence, false);
            if (table != null) {
                table.showTags(applied.tagsNow());
            }
        } else if (outcome instanceof CommitOutcome.Conflict conflict) {
            report(messages.format("editor.result.conflict", name), true);
            if (table != null) {
                merge(key, reviewed, conflict.theirs(), table);
            }
        } else if (outcome instanceof CommitOutcome.Failed failed) {
            report(messages.format("editor.result.failed", name), true);
            new CommitFailure(messages, name, plan, failed).show(dialogs);
            if (table != null && !failed.completed().isEmpty()) {
                table.rebase(failed.tagsNow() != null ? failed.tagsNow() : plan.afterUntagOnly());
            }
        }
    }

    /**
     * Merges the plan that met another's change with {@code theirs}, what KMS holds now. With nothing truly
     * conflicting, the merge goes straight to a new review; otherwise the user picks a side per conflicting tag
     * first, or reloads, or keeps editing. Whatever is written is reviewed again, and a further change in KMS
     * before Apply leads here again.
     */
    private void merge(KeyEntry key, TagMerge.Result reviewed, Map<String, String> theirs, Table table) {
        TagMerge merge = TagMerge.of(reviewed.plan(), theirs);
        TagMerge.Result merged;
        if (merge.conflicts().isEmpty()) {
            merged = merge.resolve();
        } else {
            ConflictViewModel conflict = new ConflictViewModel(key.displayName(), merge, messages);
            switch (dialogs.show(conflict)) {
                case RELOAD -> {
                    table.showTags(theirs);
                    return;
                }
                case REVIEW_MERGE -> merged = conflict.merged();
                default -> {
                    return;
                }
            }
        }
        if (merged.plan().isEmpty()) {
            table.showTags(theirs);
            report(messages.format("editor.result.nothingLeft", key.displayName()), false);
            return;
        }
        review(key, merged.withUndoneFrom(reviewed), check.problemsOf(merged.plan()), table);
    }

    /** Closes the app if it waited for the commit and {@code applied}; otherwise it stays open, edits and all. */
    private void closeIfWaiting(boolean applied) {
        Runnable close = closeWhenCommitted;
        closeWhenCommitted = null;
        if (close != null && applied) {
            close.run();
        }
    }

    /** While tag changes are being written the connection stays: says so and answers false. */
    boolean mayReplaceConnection() {
        if (committing.get()) {
            report(messages.format("editor.result.waitForCommit", keyBeingWritten), true);
            return false;
        }
        return true;
    }

    /**
     * While tag changes are being written, takes {@code close} over and runs it once they are written whole (a
     * conflict or a failure keeps the app open, with the edits); answers false then.
     */
    boolean mayClose(Runnable close) {
        if (committing.get()) {
            closeWhenCommitted = Objects.requireNonNull(close, "close");
            report(messages.format("editor.result.closingAfterCommit", keyBeingWritten), false);
            return false;
        }
        return true;
    }

    private void report(String sentence, boolean error) {
        lastResult.set(sentence);
        lastResultIsError.set(error);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Whether tag changes are being written. */
    public ReadOnlyBooleanProperty committingProperty() {
        return committing.getReadOnlyProperty();
    }

    /** What the last commit did, for the status bar: "3 tags changed on alias/payments-prod". */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lastResultIsErrorProperty() {
        return lastResultIsError.getReadOnlyProperty();
    }
}
