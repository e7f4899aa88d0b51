package dev.kmstags.app;

import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.ui.connection.BundledBackendThrottle;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * Whether the app's bundled backend throttles like KMS (AWS's request quotas) or not at all: remembered in the app's
 * preferences and applied to the running backend by the {@link ConnectionOpener}. Quotas given at start
 * ({@code --quotas}) win for that run, and leave the remembered setting as it was.
 */
final class BundledBackendQuotas implements BundledBackendThrottle {

    static final String THROTTLED = "bundledBackend.throttled";

    private final Preferences node;
    private final ConnectionOpener opener;
    private final RequestQuotas startQuotas;

    /**
     * @param startQuotas the quotas the app was started with; {@link RequestQuotas#none()} when none were given
     */
    BundledBackendQuotas(Preferences node, ConnectionOpener opener, RequestQuotas startQuotas) {
        this.node = Objects.requireNonNull(node, "node");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.startQuotas = Objects.requireNonNull(startQuotas, "startQuotas");
        if (!fixedByStartOption()) {
            opener.useBackendQuotas(quotas(node.getBoolean(THROTTLED, false)));
        }
    }

    private static RequestQuotas quotas(boolean throttled) {
        return throttled ? RequestQuotas.aws() : RequestQuotas.none();
    }

    @Override
    public boolean throttled() {
        return fixedByStartOption() || node.getBoolean(THROTTLED, false);
    }

    @Override
    public void throttle(boolean on) {
        if (fixedByStartOption()) {
            return;
        }
        node.putBoolean(THROTTLED, on);
        opener.useBackendQuotas(quotas(on));
    }

    @Override
    public boolean fixedByStartOption() {
        return !startQuotas.isEmpty();
    }
}
