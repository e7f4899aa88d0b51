package dev.kmstags.ui.bulk;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkTotals;
import dev.kmstags.domain.bulk.KeyPlan;
import dev.kmstags.domain.bulk.RegionalEstimate;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.review.ReviewViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The one review of a bulk change, whether it was edited here or imported: where it goes, its totals and calls, an
 * estimate of the commit's time at the account's quotas (which the user may correct; they are remembered), each
 * changed key's plan as the single-key review words it, the keys not written and why, the guardrails (tag policy,
 * access that changes) over all keys written, and on production the typed number of keys. Apply is allowed only when
 * some key changes, no key writes a tag the enforced tag policy would have AWS refuse, and on production the number
 * typed is right.
 */
public final class BulkReviewViewModel implements DialogModel<Boolean> {

    /** One key's changes, collapsed to a line until opened. */
    public record KeyChanges(String keyId, String heading) {
    }

    private final BulkPlan plan;
    private final Map<String, String> names;
    private final String connectionText;
    private final boolean production;
    private final TagCallQuotaPreferences quotaPreferences;
    private final Messages messages;
    private final BulkWords words;
    private final BulkTotals totals;
    private final Map<String, BulkTotals> totalsByRegion;
    private final String expectedConfirmation;
    private final StringProperty tagQuota = new SimpleStringProperty(this, "tagQuota");
    private final StringProperty untagQuota = new SimpleStringProperty(this, "untagQuota");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringBinding estimate;
    private final BooleanBinding canApply;
    private final BooleanProperty policyAllows = new SimpleBooleanProperty(this, "policyAllows", true);
    private BulkGuardrails guardrails = BulkGuardrails.NONE;
    private final List<KeyChanges> keyChanges;

    /**
     * @param names          key ID to what people call the key (its first alias); an ID not named shows as is
     * @param connectionText where the calls go: "profile · account · region"
     * @param production     whether the connection is marked production
     * @param quotas         the account's quotas as entered last; the review remembers what the user enters
     */
    public BulkReviewViewModel(BulkPlan plan, Map<String, String> names, String connectionText, boolean production,
                               TagCallQuotaPreferences quotas, Messages messages) {
        this(plan, names, key -> Optional.empty(), connectionText, production, quotas, messages);
    }

    /**
     * The review of keys that may be of several regions (All regions), each written at the quotas of its region.
     *
     * @param regionOf the region the commit writes a key in, by its key ID or ARN; empty for the connection's own
     */
    public BulkReviewViewModel(BulkPlan plan, Map<String, String> names, Function<String, Optional<String>> regionOf,
                               String connectionText, boolean production, TagCallQuotaPreferences quotas,
                               Messages messages) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.names = Map.copyOf(names);
        this.connectionText = Objects.requireNonNull(connectionText, "connectionText");
        this.production = production;
        this.quotaPreferences = Objects.requireNonNull(quotas, "quotas");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = new BulkWords(messages);
        this.totals = plan.totals();
        this.totalsByRegion = plan.totalsByRegion(key -> regionOf.apply(key).orElse(""));
        this.expectedConfirmation = String.valueOf(totals.keysChanged());
        TagCallQuotas remembered = quotas.quotas();
        tagQuota.set(number(remembered.tagPerSecond()));
        untagQuota.set(number(remembered.untagPerSecond()));
        estimate = Bindings.createStringBinding(this::estimateText, tagQuota, untagQuota);
        tagQuota.addListener(observable -> rememberQuotas());
        untagQuota.addListener(observable -> rememberQuotas());
        BooleanBinding confirmed = Bindings.createBooleanBinding(
                () -> !production || expectedConfirmation.equals(confirmation.get().strip()), confirmation);
        boolean sendable = totals.keysChanged() > 0;
        canApply = Bindings.createBooleanBinding(() -> sendable && policyAllows.get() && confirmed.get(), confirmed,
                policyAllows);
        // Worked out here, where the review is made (in the background for a large one), not when it is shown.
        List<KeyChanges> changes = new ArrayList<>();
        plan.ready().forEach((keyId, keyPlan) -> changes.add(new KeyChanges(keyId, heading(keyId, keyPlan))));
        keyChanges = List.copyOf(changes);
    }

    private static String number(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }

    /** The quotas as typed, if both are numbers above 0. */
    private Optional<TagCallQuotas> typedQuotas() {
        try {
            double tag = Double.parseDouble(tagQuota.get().strip());
            double untag = Double.parseDouble(untagQuota.get().strip());
            return tag > 0 && untag > 0 && Double.isFinite(tag) && Double.isFinite(untag)
                    ? Optional.of(new TagCallQuotas(tag, untag)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void rememberQuotas() {
        typedQuotas().ifPresent(quotaPreferences::remember);
    }

    /** Quotas are per region: with keys of several regions, each region is paced on its own, all at once. */
    private boolean spansRegions() {
        return totalsByRegion.size() > 1;
    }

    private String estimateText() {
        return typedQuotas().map(this::estimateAt).orElseGet(() -> messages.get("bulkReview.estimate.invalid"));
    }

    private String estimateAt(TagCallQuotas quotas) {
        if (!spansRegions()) {
            return messages.format("bulkReview.estimate", words.duration(totals.estimate(quotas)));
        }
        RegionalEstimate estimate = RegionalEstimate.of(totalsByRegion, quotas);
        return messages.format("bulkReview.estimate.perRegion", words.duration(estimate.time()), estimate.regions(),
                estimate.slowest(), estimate.slowestKeys());
    }

    /**
     * Adds the guardrails over the keys written: Apply stays disabled while a key writes a tag that AWS would refuse.
     * Answers this review.
     */
    public BulkReviewViewModel withGuardrails(BulkGuardrails checked) {
        guardrails = Objects.requireNonNull(checked, "checked");
        policyAllows.set(checked.policyAllows());
        return this;
    }

    /** The tag policy and access sections; {@link BulkGuardrails#NONE} when neither applies. */
    public BulkGuardrails guardrails() {
        return guardrails;
    }

    /** "role/payments-app: kms:Decrypt allowed before, not after (…) — 3 keys": a group, collapsed. */
    public String heading(BulkGuardrails.Group group) {
        return messages.format("bulkReview.group", group.text(), group.keys().size());
    }

    /** Closing the review without Apply sends nothing. */
    @Override
    public Boolean dismissed() {
        return false;
    }

    public String title() {
        return messages.format("bulkReview.title", totals.keysChanged());
    }

    /** "Writes to dev · 111122223333 · us-east-1". */
    public String target() {
        return messages.format("review.target", connectionText);
    }

    /** "40 keys change: 3 tags added, 37 overwritten, 0 removed, 0 renamed." */
    public String totalsText() {
        return messages.format("bulkReview.totals", totals.keysChanged(), totals.added(), totals.overwritten(),
                totals.removed(), totals.renamed());
    }

    /** "43 calls: 40 TagResource, 3 UntagResource. Nothing is sent before you choose Apply." */
    public String callsText() {
        return messages.format("bulkReview.calls", totals.tagCalls() + totals.untagCalls(), totals.tagCalls(),
                totals.untagCalls());
    }

    /** "Account quotas (calls per second)", or, for keys of several regions, the quotas of each region. */
    public String quotasLabel() {
        return messages.get(spansRegions() ? "bulkReview.quotas.perRegion" : "bulkReview.quotas");
    }

    /** How long the commit takes at the quotas typed; says what to enter while they are not numbers above 0. */
    public StringBinding estimateProperty() {
        return estimate;
    }

    /** TagResource calls per second the account allows, as typed. */
    public StringProperty tagQuotaProperty() {
        return tagQuota;
    }

    /** UntagResource calls per second the account allows, as typed. */
    public StringProperty untagQuotaProperty() {
        return untagQuota;
    }

    /**
     * Every key that changes, with its changes as the single-key review words them ("Added: CostCenter = CC-1")
     * and its calls; the lines of a key are made when asked for, as a review of many keys opens few of them.
     */
    public List<KeyChanges> keyChanges() {
        return keyChanges;
    }

    /** The lines of one key's changes, as the single-key review shows them. */
    public List<String> linesOf(String keyId) {
        TagPlan keyPlan = plan.ready().get(keyId);
        ReviewViewModel single = new ReviewViewModel(TagMerge.Result.unmerged(keyPlan), keyId, name(keyId),
                List.of(), connectionText, List.of(), false, messages);
        List<String> lines = new ArrayList<>();
        add(lines, "review.added", single.addedLines());
        add(lines, "review.overwritten", single.overwrittenLines());
        add(lines, "review.removed", single.removedLines());
        add(lines, "review.renamed", single.renamedLines());
        single.calls().forEach(call -> lines.add(messages.format("bulkReview.line", call.operation(),
                call.body().replaceAll("\\s+", " "))));
        return lines;
    }

    private void add(List<String> lines, String section, List<String> sectionLines) {
        String title = messages.get(section);
        sectionLines.forEach(line -> lines.add(messages.format("bulkReview.line", title, line)));
    }

    private String heading(String keyId, TagPlan keyPlan) {
        String calls = String.join(messages.get("review.then"), keyPlan.calls().stream()
                .map(call -> call instanceof TagPlan.TagCall.Untag ? "UntagResource" : "TagResource").toList());
        return messages.format("bulkReview.keySummary", name(keyId), keyPlan.changeCount(), calls);
    }

    /** The keys that would change but have problems, each with them: they are not written. */
    public List<String> notWritten() {
        List<String> lines = new ArrayList<>();
        for (KeyPlan keyPlan : plan.withProblems()) {
            int tagCount = keyPlan.plan().target().size();
            keyPlan.problems().forEach(problem -> lines.add(words.line(name(keyPlan.keyId()),
                    words.problem(problem, tagCount))));
        }
        plan.operationProblems().forEach(problem -> lines.add(words.problem(problem, 0)));
        return lines;
    }

    /** The keys left out up front, each with why. */
    public List<String> skipped() {
        return plan.skipped().entrySet().stream()
                .map(entry -> words.line(name(entry.getKey()), words.reason(entry.getValue()))).toList();
    }

    /** Whether the user must type the number of keys before Apply enables. */
    public boolean confirmationRequired() {
        return production;
    }

    /** "Type 40 (the number of keys that change) to apply." */
    public String confirmationPrompt() {
        return messages.format("bulkReview.production.prompt", expectedConfirmation);
    }

    /** What the user typed to confirm a production change. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** The plan reviewed: what Apply hands to the commit. */
    public BulkPlan plan() {
        return plan;
    }

    private String name(String keyId) {
        return names.getOrDefault(keyId, keyId);
    }
}
