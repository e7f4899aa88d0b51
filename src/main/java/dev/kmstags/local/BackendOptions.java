package dev.kmstags.local;

import dev.kmstags.local.quota.RequestQuotas;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the bundled KMS backend.
 *
 * @param port       TCP port on 127.0.0.1; 0 picks a free one
 * @param dataFile   the SQLite file holding keys, aliases and tags
 * @param accessKey  the access key every request must be signed with
 * @param secretKey  the secret key every request must be signed with
 * @param seed       whether an empty store starts with the demo account
 * @param latencyMs  a delay added to every answer, to feel like a real network
 * @param quotas     the request quotas to throttle with, {@link RequestQuotas#none()} for none
 * @param tagPolicy  the file of the tag policy Organizations' DescribeEffectivePolicy answers with; null for the
 *                   demo account's policy when {@code seed} is set, and for none otherwise
 */
public record BackendOptions(int port, Path dataFile, String accessKey, String secretKey, boolean seed,
                             int latencyMs, RequestQuotas quotas, Path tagPolicy) {

    public static final int DEFAULT_PORT = 4599;
    public static final String DEFAULT_ACCESS_KEY = "test";
    public static final String DEFAULT_SECRET_KEY = "test";

    public BackendOptions {
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(quotas, "quotas");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyMs);
        }
    }

    /** The defaults for {@code dataFile}: port 4599, credentials test/test, demo data, no latency, no quotas. */
    public static BackendOptions defaults(Path dataFile) {
        return new BackendOptions(DEFAULT_PORT, dataFile, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, true, 0,
                RequestQuotas.none(), null);
    }

    public BackendOptions withPort(int newPort) {
        return new BackendOptions(newPort, dataFile, accessKey, secretKey, seed, latencyMs, quotas, tagPolicy);
    }

    public BackendOptions withDataFile(Path newDataFile) {
        return new BackendOptions(port, newDataFile, accessKey, secretKey, seed, latencyMs, quotas, tagPolicy);
    }

    public BackendOptions withSeed(boolean newSeed) {
        return new BackendOptions(port, dataFile, accessKey, secretKey, newSeed, latencyMs, quotas, tagPolicy);
    }

    public BackendOptions withLatencyMs(int newLatencyMs) {
        return new BackendOptions(port, dataFile, accessKey, secretKey, seed, newLatencyMs, quotas, tagPolicy);
    }

    public BackendOptions withCredentials(String newAccessKey, String newSecretKey) {
        return new BackendOptions(port, dataFile, newAccessKey, newSecretKey, seed, latencyMs, quotas, tagPolicy);
    }

    public BackendOptions withQuotas(RequestQuotas newQuotas) {
        return new BackendOptions(port, dataFile, accessKey, secretKey, seed, latencyMs, newQuotas, tagPolicy);
    }

    public BackendOptions withTagPolicy(Path newTagPolicy) {
        return new BackendOptions(port, dataFile, accessKey, secretKey, seed, latencyMs, quotas, newTagPolicy);
    }
}
