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

/**
 * The bulk review of a plan made elsewhere (an imported file): the same {@link BulkReviewViewModel} as the bulk
 * editor's, on the connection of the moment, with its production confirmation and estimate; Apply hands the plan
 * to the same commit.
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
        BulkReviewViewModel review = new BulkReviewViewModel(plan, names, state.connectionTextProperty().get(),
                state.productionProperty().get(), quotas, messages);
        if (!Boolean.TRUE.equals(dialogs.show(review))) {
            return false;
        }
        starter.start(plan);
        return true;
    }
}
