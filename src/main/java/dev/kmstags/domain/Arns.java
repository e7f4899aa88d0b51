package dev.kmstags.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the parts of an ARN ({@code arn:partition:service:region:account:resource}). */
public final class Arns {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private Arns() {
    }

    /** The 12-digit account ID of {@code arn}, if it has one. */
    public static Optional<String> accountId(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && ACCOUNT.matcher(parts[4]).matches() ? Optional.of(parts[4]) : Optional.empty();
    }

    /** The region of {@code arn}, such as {@code eu-west-1}, if it names one. */
    public static Optional<String> region(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() ? Optional.of(parts[3]) : Optional.empty();
    }
}
