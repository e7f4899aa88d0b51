package dev.kmstags.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Reads the profiles of the user's AWS files in the order {@code aws configure list-profiles} shows them: the
 * config file's, then those only in the credentials file, each in file order. The SDK's {@link ProfileFile}
 * decides which sections are profiles and what they hold; it keeps no order, so the order comes from the
 * section headers.
 */
public final class AwsProfiles {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(?:profile\\s+)?([^\\]\\s]+)\\s*]");

    private AwsProfiles() {
    }

    /**
     * The profiles of {@code files}.
     *
     * @throws AwsConfigException when a file cannot be read or parsed
     */
    public static List<AwsProfile> read(AwsConfigFiles files) {
        ProfileFile profileFile = files.load();
        Map<String, Profile> profiles = profileFile.profiles();
        Set<String> names = new LinkedHashSet<>();
        names.addAll(sectionNames(files.config()));
        names.addAll(sectionNames(files.credentials()));
        names.retainAll(profiles.keySet());
        names.addAll(new TreeSet<>(profiles.keySet()));
        List<AwsProfile> result = new ArrayList<>();
        for (String name : names) {
            Profile profile = profiles.get(name);
            result.add(new AwsProfile(name, profile.property(ProfileProperty.REGION).filter(r -> !r.isBlank()),
                    endpoint(files, profileFile, profile)));
        }
        return List.copyOf(result);
    }

    private static List<String> sectionNames(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher matcher = SECTION.matcher(line);
                if (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        } catch (IOException e) {
            throw AwsConfigException.unreadable(file, new UncheckedIOException(e));
        }
    }

    /** The KMS endpoint of the profile's {@code services} section, else its {@code endpoint_url}. */
    private static Optional<URI> endpoint(AwsConfigFiles files, ProfileFile profileFile, Profile profile) {
        if (profile.booleanProperty("ignore_configured_endpoint_urls").orElse(false)) {
            return Optional.empty();
        }
        Optional<String> value = profile.property("services")
                .flatMap(services -> profileFile.getSection("services", services))
                .flatMap(services -> services.property("kms.endpoint_url"))
                .or(() -> profile.property(ProfileProperty.ENDPOINT_URL));
        return value.filter(url -> !url.isBlank()).map(url -> uri(files.config(), profile.name(), url));
    }

    static URI uri(Path file, String profile, String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw AwsConfigException.badEndpoint(file, profile, value);
        }
    }
}
