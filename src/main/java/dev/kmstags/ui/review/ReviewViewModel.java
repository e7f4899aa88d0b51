package dev.kmstags.ui.review;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.domain.policy.PolicyWords;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The review of an edit before anything is sent: where it goes (profile, account, region), what it adds,
 * overwrites (old value to new), removes and renames, and the exact calls with their JSON bodies. After a merge with
 * another's change it also says which of their changes stay and which this plan removes or overwrites; with a tag
 * policy, where the tags stray from it. Apply is allowed only for a plan without broken tags, none that the
 * enforced tag policy would have AWS refuse, and on a production connection only once the user has typed the
 * key's alias or ID.
 */
public final class ReviewViewModel implements DialogModel<Boolean> {

    /** One call as the review shows it: the operation and its request body. */
    public record Call(String operation, String body) {
    }

    private final Messages messages;
    private final TagPlan plan;
    private final TagMerge.Result merge;
    private final String keyName;
    private final String connectionText;
    private final List<String> problems;
    private final boolean production;
    private final Set<String> acceptedConfirmations;
    private final List<Call> calls;
    private final PolicyWords policyWords;
    private final AccessSection access;
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final BooleanBinding confirmed;
    private final BooleanBinding canApply;
    private final BooleanProperty policyAllows = new SimpleBooleanProperty(this, "policyAllows", true);
    private String policyTitle = "";
    private List<PolicyLine> policyLines = List.of();

    /**
     * @param merge          the plan, with the changes of others it keeps or undoes when it came from a merge
     * @param keyId          the key the calls name
     * @param keyName        what people call the key: its first alias, or its ID
     * @param aliases        the key's aliases; on production any of them, or the key ID, confirms
     * @param connectionText where the calls go: "profile · account · region", as the status bar names it
     * @param problems       the editor's errors, in words; any of them keeps Apply disabled
     * @param production     whether the connection is marked production
     */
    public ReviewViewModel(TagMerge.Result merge, String keyId, String keyName, List<String> aliases,
                           String connectionText, List<String> problems, boolean production, Messages messages) {
        this(merge, keyId, keyName, aliases, connectionText, problems, production, AccessSection.OFF, messages);
    }

    /** As the other constructor, with the section on whose access the change alters. */
    public ReviewViewModel(TagMerge.Result merge, String keyId, String keyName, List<String> aliases,
                           String connectionText, List<String> problems, boolean production, AccessSection access,
                           Messages messages) {
        this.access = Objects.requireNonNull(access, "access");
        this.merge = Objects.requireNonNull(merge, "merge");
        this.plan = merge.plan();
        this.connectionText = Objects.requireNonNull(connectionText, "connectionText");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.policyWords = messages.policyWords();
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.problems = List.copyOf(problems);
        this.production = production;
        this.acceptedConfirmations = Set.copyOf(concat(aliases, keyId));
        this.calls = plan.calls().stream().map(call -> new Call(CallBodies.operation(call),
                CallBodies.json(keyId, call))).toList();
        confirmed = Bindings.createBooleanBinding(
                () -> !production || acceptedConfirmations.contains(confirmation.get().strip()), confirmation);
        boolean sendable = this.problems.isEmpty() && plan.violations().isEmpty() && !plan.isEmpty();
        canApply = Bindings.createBooleanBinding(() -> sendable && policyAllows.get() && confirmed.get(), confirmed,
                policyAllows);
    }

    private static List<String> concat(List<String> aliases, String keyId) {
        return Stream.concat(aliases.stream(), Stream.of(keyId)).toList();
    }

    /** One line of the tag policy section, and whether it is a change AWS would refuse. */
    public record PolicyLine(String text, boolean refused) {
    }

    /**
     * Measures the plan against {@code policy}: the review gets a "Tag policy" section, and Apply stays disabled
     * while the plan writes a tag that AWS would refuse because the policy is enforced for KMS keys. Answers this
     * review.
     */
    public ReviewViewModel withTagPolicy(PolicyInForce policy) {
        if (!policy.isPresent()) {
            return this;
        }
        List<PolicyFinding> findings = policy.policy().check(plan);
        policyTitle = policyWords.title(policy.source());
        policyLines = findings.isEmpty() ? List.of(new PolicyLine(policyWords.compliant(), false))
                : findings.stream().map(finding -> new PolicyLine(policyWords.line(finding), finding.blocks()))
                        .toList();
        policyAllows.set(findings.stream().noneMatch(PolicyFinding::blocks));
        return this;
    }

    /** "Tag policy (the organization's effective tag policy)"; empty when there is no policy. */
    public String policyTitle() {
        return policyTitle;
    }

    /** Where the tags the plan leaves stray from the tag policy; empty when there is no policy. */
    public List<PolicyLine> policyLines() {
        return policyLines;
    }

    /** Closing the review without Apply sends nothing. */
    @Override
    public Boolean dismissed() {
        return false;
    }

    public String title() {
        return messages.format("review.title", keyName);
    }

    /** "Writes to dev · 111122223333 · us-east-1": the connection the calls go to. */
    public String target() {
        return messages.format("review.target", connectionText);
    }

    /** "2 calls: UntagResource, then TagResource." */
    public String summary() {
        return messages.format("review.summary", calls.size(),
                String.join(messages.get("review.then"), calls.stream().map(Call::operation).toList()));
    }

    /** Tags whose key is new: "CostCenter = CC-1". Renamed keys are listed as renames only. */
    public List<String> addedLines() {
        return plan.addedApartFromRenames().stream().map(this::tagLine).toList();
    }

    /** Tags that get a new value: "Env: dev → production". */
    public List<String> overwrittenLines() {
        return plan.overwritten().stream()
                .map(change -> messages.format("review.line.overwritten", key(change.key()), shown(change.oldValue()),
                        shown(change.newValue())))
                .toList();
    }

    /** Tags whose key goes: "Owner = alice". Renamed keys are listed as renames only. */
    public List<String> removedLines() {
        return plan.removedApartFromRenames().stream().map(this::tagLine).toList();
    }

    /** Keys renamed in the editor, one line each: "Team → Owner, value kept" or "Team → Owner, value: a → b". */
    public List<String> renamedLines() {
        return plan.renamed().stream()
                .map(rename -> rename.oldValue().equals(rename.newValue())
                        ? messages.format("review.line.renamed", key(rename.oldKey()), key(rename.newKey()))
                        : messages.format("review.line.renamedWithValue", key(rename.oldKey()), key(rename.newKey()),
                        shown(rename.oldValue()), shown(rename.newValue())))
                .toList();
    }

    /** Changes someone else made in KMS meanwhile that stay: "Kept their change: AccessGroup = readers". */
    public List<String> keptLines() {
        return merge.kept().stream().map(change -> change.theirs() == null
                ? messages.format("review.line.keptRemoved", key(change.key()), shown(change.original()))
                : change.original() == null
                ? messages.format("review.line.keptAdded", key(change.key()), shown(change.theirs()))
                : messages.format("review.line.keptChanged", key(change.key()), shown(change.original()),
                shown(change.theirs()))).toList();
    }

    /** Changes someone else made meanwhile that applying this plan removes or overwrites. */
    public List<String> undoneLines() {
        return merge.undone().stream().map(change -> change.merged() == null
                ? messages.format("review.line.undoneRemoves", key(change.key()), shown(change.theirs()))
                : change.theirs() == null
                ? messages.format("review.line.undoneAddsBack", key(change.key()), shown(change.merged()))
                : messages.format("review.line.undoneOverwrites", key(change.key()), shown(change.theirs()),
                shown(change.merged()))).toList();
    }

    /** Who gains or loses access through the change; {@link AccessSection#OFF} when the check is off. */
    public AccessSection access() {
        return access;
    }

    /** The calls in the order they are made, untag first. */
    public List<Call> calls() {
        return calls;
    }

    /** Why Apply is disabled because of the tags themselves; empty when it is not. */
    public List<String> problems() {
        return problems;
    }

    /** Whether the user must type the key's alias or ID before Apply enables. */
    public boolean confirmationRequired() {
        return production;
    }

    /** What the production prompt asks the user to type. */
    public String confirmationPrompt() {
        return messages.format("review.production.prompt", keyName);
    }

    /** What the user typed to confirm a production change. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Whether the calls may be made now. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public TagPlan plan() {
        return plan;
    }

    private String tagLine(Tag tag) {
        return messages.format("review.line.tag", key(tag.key()), shown(tag.value()));
    }

    private String key(String key) {
        return messages.shortened(key);
    }

    private String shown(String value) {
        return value.isEmpty() ? messages.get("review.emptyValue") : messages.shortened(value);
    }
}
