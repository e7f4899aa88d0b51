package dev.kmstags.ui.keylist;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.KeyCaseFixes;
import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;

/**
 * Edit → Fix capitalization of tag keys…: plans, for the selected keys (when several are) or else every key the list
 * shows, the renames that write their tag keys as the tag policy does ({@code costcenter} → {@code CostCenter}), with
 * the bulk editor's letter-case merge, and opens them in the bulk review. Runnable once the keys are loaded and the
 * connection has a tag policy. Keys whose tags are not read yet are left out.
 */
public final class FixKeyCaseAction extends Action {

    private final KeyListViewModel keyList;
    private final AppState state;
    private final DialogService dialogs;
    private final Messages messages;
    private final BulkReviewOpener reviews;

    public FixKeyCaseAction(KeyListViewModel keyList, AppState state, DialogService dialogs, Messages messages,
                            BulkReviewOpener reviews) {
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        this.state = Objects.requireNonNull(state, "state");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        executable.bind(Bindings.equal(keyList.loadStateProperty(), LoadState.LOADED)
                .and(Bindings.isNotEmpty(keyList.sortedRows()))
                .and(Bindings.createBooleanBinding(() -> state.tagPolicyProperty().get().isPresent(),
                        state.tagPolicyProperty())));
    }

    @Override
    public void execute() {
        if (!isExecutable()) {
            return;
        }
        List<? extends KeyEntry> keys = state.selectedKeys().size() > 1 ? List.copyOf(state.selectedKeys())
                : List.copyOf(keyList.sortedRows());
        List<KeySummary> summaries = keys.stream()
                .filter(key -> key.keyTagsProperty().get() != null || key.key().tagEditingBlockedBy().isPresent())
                .map(KeyEntry::key).toList();
        Map<String, KeyTags> tags = new LinkedHashMap<>();
        keys.forEach(key -> {
            if (key.keyTagsProperty().get() != null) {
                tags.put(key.id(), key.keyTagsProperty().get());
            }
        });
        BulkSelection selection = BulkSelection.of(summaries, tags);
        BulkEdit fixes = KeyCaseFixes.of(state.tagPolicyProperty().get().policy(), selection.editable().values());
        if (fixes.operations().isEmpty()) {
            dialogs.showInformation(messages.get("fixCase.title"), messages.format("fixCase.none.header",
                    selection.editable().size()), messages.get("fixCase.none.content"));
            return;
        }
        Map<String, BulkReviewOpener.Key> named = new LinkedHashMap<>();
        keys.forEach(key -> named.putIfAbsent(key.id(), new BulkReviewOpener.Key(key.displayName(), key.arn())));
        reviews.review(fixes.plan(selection), named, () -> { });
    }
}
