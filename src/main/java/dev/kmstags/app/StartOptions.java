package dev.kmstags.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks the app to open: {@code --profile NAME} and {@code --region R}. Either wins over
 * what the app remembers from the last run.
 */
public record StartOptions(Optional<String> profile, Optional<String> region) {

    /** Nothing asked for: the remembered connection, else the bundled backend in us-east-1. */
    public static final StartOptions NONE = new StartOptions(Optional.empty(), Optional.empty());

    public StartOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
    }

    /** The options of {@code args}; a flag without a value is ignored. */
    public static StartOptions parse(List<String> args) {
        return new StartOptions(value(args, "--profile"), value(args, "--region"));
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
