package dev.kmstags.cli;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.KmsRegions;
import dev.kmstags.profiles.RegionChoice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connection a command works on, resolved as the app's Connection menu resolves it: a profile of the AWS
 * config files ({@code --profile}) with its credentials, endpoint and region, or, without one, the bundled backend
 * on the app's data file, started for the command and stopped when it is closed. Regions other than the default
 * one are the same endpoint and credentials, signed for that region.
 */
final class CommandConnection implements AutoCloseable {

    private final KmsConnection base;
    private final LocalKmsBackend backend;

    private CommandConnection(KmsConnection base, LocalKmsBackend backend) {
        this.base = base;
        this.backend = backend;
    }

    /**
     * Resolves {@code options}' profile and region.
     *
     * @throws IllegalArgumentException when the profile does not exist
     * @throws dev.kmstags.profiles.AwsConfigException when the AWS files cannot be read
     * @throws IOException when the bundled backend cannot start
     */
    static CommandConnection open(Options options, AwsEnvironment environment, Path home,
                                  Supplier<BackendOptions> bundledBackend) throws IOException {
        if (options.profile() != null) {
            AwsSetup setup = AwsSetup.read(environment, home);
            ConnectionTarget target = new ConnectionTarget.Profile(options.profile());
            if (setup.profile(options.profile()).isEmpty()) {
                throw new IllegalArgumentException("No profile named " + options.profile()
                        + " in the AWS config files");
            }
            String region = options.region() != null ? options.region() : setup.defaultRegion(target);
            return new CommandConnection(KmsConnection.profile(options.profile(), setup.files(),
                    setup.kmsEndpoint(target), region), null);
        }
        BackendOptions backendOptions = bundledBackend.get();
        LocalKmsBackend backend = LocalKmsBackend.start(backendOptions);
        String region = options.region() != null ? options.region() : KmsConnection.DEFAULT_REGION;
        return new CommandConnection(KmsConnection.bundledBackend(backend.endpoint(), region,
                backendOptions.accessKey(), backendOptions.secretKey()), backend);
    }

    /** The region asked for, else the profile's (or AWS_REGION, else us-east-1). */
    String defaultRegion() {
        return base.region();
    }

    /** The connection signed for {@code region}. */
    KmsConnection in(String region) {
        return base.withRegion(region);
    }

    /** Every KMS region the connection's credentials can reach: those of its default region's partition. */
    List<String> allRegions() {
        return KmsRegions.samePartitionAs(defaultRegion()).stream().map(RegionChoice::id).toList();
    }

    /** What the connection is, for sentences: the profile's name, or the bundled backend. */
    String describe() {
        return base.kind() == KmsConnection.Kind.AWS_PROFILE ? "profile " + base.name() : base.name();
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
