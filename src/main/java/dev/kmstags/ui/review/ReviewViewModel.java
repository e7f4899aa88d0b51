package dev.kmstags.ui.review;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.ui.Messages;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The review of an edit before anything is sent: what it adds, overwrites (old value to new), removes and renames,
 * and the exact calls with their JSON bodies. Apply is allowed only for a plan without broken tags, and on a
 * production connection only once the user has typed the key's alias or ID.
 */
public final class ReviewViewModel {

    /** One call as the review shows it: the operation and its request body. */
    public record Call(String operation, String body) {
    }

    private final Messages messages;
    private final TagPlan plan;
    private final String keyName;
    private final List<String> problems;
    private final boolean production;
    private final Set<String> acceptedConfirmations;
    private final List<Call> calls;
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final BooleanBinding confirmed;
    private final BooleanBinding canApply;

    /**
     * @param keyId      the key the calls name
     * @param keyName    what people call the key: its first alias, or its ID
     * @param aliases    the key's aliases; on production any of them, or the key ID, confirms
     * @param problems   the editor's errors, in words; any of them keeps Apply disabled
     * @param production whether the connection is marked production
     */
    public ReviewViewModel(TagPlan plan, String keyId, String keyName, List<String> aliases, List<String> problems,
                           boolean production, Messages messages) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.problems = List.copyOf(problems);
        this.production = production;
        this.acceptedConfirmations = Set.copyOf(concat(aliases, keyId));
        this.calls = plan.calls().stream().map(call -> new Call(CallBodies.operation(call),
                CallBodies.json(keyId, call))).toList();
        confirmed = Bindings.createBooleanBinding(
                () -> !production || acceptedConfirmations.contains(confirmation.get().strip()), confirmation);
        boolean sendable = this.problems.isEmpty() && plan.violations().isEmpty() && !plan.isEmpty();
        canApply = Bindings.createBooleanBinding(() -> sendable && confirmed.get(), confirmed);
    }

    private static List<String> concat(List<String> aliases, String keyId) {
        return Stream.concat(aliases.stream(), Stream.of(keyId)).toList();
    }

    public String title() {
        return messages.format("review.title", keyName);
    }

    /** "2 calls: UntagResource, then TagResource." */
    public String summary() {
        return messages.format("review.summary", calls.size(),
                String.join(messages.get("review.then"), calls.stream().map(Call::operation).toList()));
    }

    /** Tags whose key is new: "CostCenter = CC-1". */
    public List<String> addedLines() {
        return plan.added().stream().map(this::tagLine).toList();
    }

    /** Tags that get a new value: "Env: dev → production". */
    public List<String> overwrittenLines() {
        return plan.overwritten().stream()
                .map(change -> messages.format("review.line.overwritten", change.key(), shown(change.oldValue()),
                        shown(change.newValue())))
                .toList();
    }

    /** Tags whose key goes: "Owner = alice". */
    public List<String> removedLines() {
        return plan.removed().stream().map(this::tagLine).toList();
    }

    /** Keys renamed in the editor, carried out as a remove and an add: "Team → team". */
    public List<String> renamedLines() {
        return plan.renamed().stream()
                .map(rename -> messages.format("review.line.renamed", rename.oldKey(), rename.newKey()))
                .toList();
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
        return messages.format("review.line.tag", tag.key(), shown(tag.value()));
    }

    private String shown(String value) {
        return value.isEmpty() ? messages.get("review.emptyValue") : value;
    }
}
