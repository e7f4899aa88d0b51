package dev.kmstags.ui.bulk;

import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.Messages;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The bulk review of a plan, the bulk editor's or one made elsewhere (an imported file): a
 * {@link BulkReviewViewModel} on the connection of the moment, with its production confirmation and estimate;
 * Apply hands the plan to the commit.
 */
public final class BulkReviews implements BulkReviewOpener {

    private final DialogService dialogs;
    private final AppState state;
    private final TagCallQuotaPreferences quotas;
    private final Messages messages;
    private final BulkCommitStarter starter;

    public BulkReviews(DialogService dialogs, AppState state, TagCallQuotaPreferences quotas, Messages messages,
                       BulkCommitStarter starter) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public boolean review(BulkPlan plan, Map<String, String> names) {
        boolean applied = Boolean.TRUE.equals(dialogs.show(reviewOf(plan, names)));
        if (applied) {
            starter.start(plan);
        }
        return applied;
    }

    /**
     * Opens the review of {@code plan} as {@link DialogService#open} does: it may show a moment later. Once the user
     * answered, tells {@code answered} whether they applied it, then, if they did, hands the plan to the commit.
     *
     * @param names each key's name as the user knows it, by key ID
     */
    public void open(BulkPlan plan, Map<String, String> names, Consumer<Boolean> answered) {
        dialogs.open(reviewOf(plan, names), confirmed -> {
            boolean applied = Boolean.TRUE.equals(confirmed);
            answered.accept(applied);
            if (applied) {
                starter.start(plan);
            }
        });
    }

    private BulkReviewViewModel reviewOf(BulkPlan plan, Map<String, String> names) {
        return new BulkReviewViewModel(plan, names, starter::regionOf, state.connectionTextProperty().get(),
                state.productionProperty().get(), quotas, messages);
    }
}
