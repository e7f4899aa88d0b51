package dev.kmstags.app;

import dev.kmstags.local.quota.RequestQuotas;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks the app to open: {@code --profile NAME} and {@code --region R}, either of which wins
 * over what the app remembers from the last run; and {@code --quotas aws|FILE}, the request quotas the app's
 * bundled backend throttles with, as {@code serve --quotas} does.
 */
public record StartOptions(Optional<String> profile, Optional<String> region, Optional<String> quotas) {

    /** Nothing asked for: the remembered connection, else the bundled backend in us-east-1, unthrottled. */
    public static final StartOptions NONE = new StartOptions(Optional.empty(), Optional.empty(), Optional.empty());

    public StartOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(quotas, "quotas");
    }

    /** The options of {@code args}; a flag without a value is ignored. */
    public static StartOptions parse(List<String> args) {
        return new StartOptions(value(args, "--profile"), value(args, "--region"), value(args, "--quotas"));
    }

    /**
     * The request quotas of the bundled backend: none unless {@code --quotas} asks for them.
     *
     * @throws IllegalArgumentException with a sentence for the command line when the quotas file is wrong
     */
    public RequestQuotas backendQuotas() {
        return quotas.map(RequestQuotas::ofOption).orElse(RequestQuotas.none());
    }

    private static Optional<String> value(List<String> args, String flag) {
        int index = args.indexOf(flag);
        if (index >= 0 && index + 1 < args.size() && !args.get(index + 1).isBlank()
                && !args.get(index + 1).startsWith("--")) {
            return Optional.of(args.get(index + 1).trim());
        }
        return Optional.empty();
    }
}
