package dev.kmstags.profiles;

import dev.kmstags.domain.bulk.TagCallQuotas;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * The account's request quotas for TagResource and UntagResource as the user entered them (Service Quotas may
 * show higher ones than AWS's defaults), kept between runs in the app's preferences node. Bulk reviews estimate the
 * commit's time with them.
 */
public final class TagCallQuotaPreferences {

    private static final String TAG_PER_SECOND = "bulk.quota.tagPerSecond";
    private static final String UNTAG_PER_SECOND = "bulk.quota.untagPerSecond";

    private final Preferences node;

    public TagCallQuotaPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The quotas entered last; AWS's defaults when none were, or when what is stored is not usable. */
    public TagCallQuotas quotas() {
        double tag = node.getDouble(TAG_PER_SECOND, TagCallQuotas.AWS_DEFAULT.tagPerSecond());
        double untag = node.getDouble(UNTAG_PER_SECOND, TagCallQuotas.AWS_DEFAULT.untagPerSecond());
        return tag > 0 && untag > 0 ? new TagCallQuotas(tag, untag) : TagCallQuotas.AWS_DEFAULT;
    }

    public void remember(TagCallQuotas quotas) {
        node.putDouble(TAG_PER_SECOND, quotas.tagPerSecond());
        node.putDouble(UNTAG_PER_SECOND, quotas.untagPerSecond());
    }
}
