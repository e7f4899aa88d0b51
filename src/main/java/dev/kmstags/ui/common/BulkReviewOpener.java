package dev.kmstags.ui.common;

import dev.kmstags.domain.bulk.BulkPlan;
import java.util.Map;

/**
 * Opens the one review of a bulk change for a plan made elsewhere, such as an imported file, and once the user
 * confirmed it hands the plan to the commit. Lets a feature offer the review without knowing the bulk editor.
 */
@FunctionalInterface
public interface BulkReviewOpener {

    /**
     * Shows the review of {@code plan}; on Apply the plan goes to the commit.
     *
     * @param names key ID to what people call the key; an ID not named shows as is
     * @return whether the user applied it
     */
    boolean review(BulkPlan plan, Map<String, String> names);
}
