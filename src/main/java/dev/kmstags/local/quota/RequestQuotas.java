package dev.kmstags.local.quota;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How many requests per second each KMS operation may take, per account and region: the table the bundled backend
 * throttles with when asked to. {@link #aws()} holds AWS's own quotas (the one place they are written down); a
 * quotas file overrides single entries.
 */
public final class RequestQuotas {

    /**
     * AWS KMS's request quotas per account and region, in requests per second, from the AWS KMS developer guide's
     * "Request quotas" page, for the operations this backend answers. Operations KMS shares a quota across (the
     * cryptographic ones) are not answered here; the others this backend answers (CreateKey, EnableKey...) have
     * small quotas in KMS that the tool never calls in bulk, so they are left unthrottled unless a file names them.
     */
    private static final Map<String, Double> AWS = Map.of(
            "TagResource", 10d,
            "UntagResource", 5d,
            "DescribeKey", 2000d,
            "ListResourceTags", 2000d,
            "ListKeys", 500d,
            "ListAliases", 500d);

    private static final String UNLIMITED = "unlimited";
    private static final RequestQuotas NONE = new RequestQuotas(Map.of());

    private final Map<String, Double> perSecond;

    private RequestQuotas(Map<String, Double> perSecond) {
        this.perSecond = Collections.unmodifiableMap(new TreeMap<>(perSecond));
    }

    /** No quotas: every request is served at once (the default). */
    public static RequestQuotas none() {
        return NONE;
    }

    /** AWS KMS's own quotas. */
    public static RequestQuotas aws() {
        return new RequestQuotas(AWS);
    }

    /**
     * AWS's quotas with the entries of a properties file laid over them: one {@code Operation = rate} line each,
     * where the rate is requests per second (a positive number, fractions allowed) or {@code unlimited}.
     *
     * @throws IllegalArgumentException with a sentence naming the file and the line that is wrong
     * @throws IOException              when the file cannot be read
     */
    public static RequestQuotas fromFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Double> table = new TreeMap<>(AWS);
        for (String operation : properties.stringPropertyNames()) {
            String text = properties.getProperty(operation).strip();
            if (!operation.matches("[A-Z][A-Za-z]+")) {
                throw new IllegalArgumentException(file + ": '" + operation
                        + "' is not a KMS operation name such as TagResource");
            }
            if (UNLIMITED.equals(text.toLowerCase(Locale.ROOT))) {
                table.remove(operation);
            } else {
                table.put(operation, rate(file, operation, text));
            }
        }
        return new RequestQuotas(table);
    }

    /**
     * The value of a {@code --quotas} option: {@code aws} for AWS's quotas, otherwise the path of a quotas file.
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong, for the command line
     */
    public static RequestQuotas ofOption(String awsOrFile) {
        if ("aws".equals(awsOrFile)) {
            return aws();
        }
        try {
            return fromFile(Path.of(awsOrFile));
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("--quotas needs aws or a quotas file; could not read " + awsOrFile
                    + " (" + e.getMessage() + ")");
        }
    }

    private static double rate(Path file, String operation, String text) {
        try {
            double rate = Double.parseDouble(text);
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": the quota of " + operation + " must be a number of requests"
                + " per second above 0, or unlimited, not '" + text + "'");
    }

    /** The quota of {@code operation} in requests per second; empty when it is not throttled. */
    public Optional<Double> perSecond(String operation) {
        return Optional.ofNullable(perSecond.get(operation));
    }

    /** Whether any operation is throttled. */
    public boolean isEmpty() {
        return perSecond.isEmpty();
    }

    /** The whole table, operation to requests per second, sorted by operation. */
    public Map<String, Double> table() {
        return perSecond;
    }

    @Override
    public String toString() {
        return perSecond.toString();
    }
}
