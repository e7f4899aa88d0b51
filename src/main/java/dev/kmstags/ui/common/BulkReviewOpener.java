package dev.kmstags.ui.common;

import dev.kmstags.domain.bulk.BulkPlan;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the one review of a bulk change, whether from the bulk editor or for a plan made elsewhere such as an imported
 * file, and once the user confirmed it hands the plan to the commit. Lets a feature offer the review without knowing
 * the bulk editor.
 */
@FunctionalInterface
public interface BulkReviewOpener {

    /** A key of the plan as the review names it, and its ARN, which the access check matches policies against. */
    record Key(String name, String arn) {

        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arn, "arn");
        }
    }

    /**
     * Shows the review of {@code plan} (once the access check, if on, has read what it needs); on Apply runs
     * {@code applied} and hands the plan to the commit.
     *
     * @param keys key ID to its name and ARN; an ID not named shows as is
     */
    void review(BulkPlan plan, Map<String, Key> keys, Runnable applied);
}
