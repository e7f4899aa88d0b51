package dev.kmstags.ui.connection;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.RegionChoice;
import dev.kmstags.ui.common.Messages;

/** What the menus and the status bar call connections and regions. */
final class ConnectionNames {

    private final Messages messages;

    ConnectionNames(Messages messages) {
        this.messages = messages;
    }

    /** The menu's label: a profile's name (marked when AWS_PROFILE names it), or what the other targets are. */
    String menuLabel(ConnectionTarget target, String awsProfile) {
        if (target instanceof ConnectionTarget.Profile profile) {
            return profile.name().equals(awsProfile)
                    ? messages.format("menu.connection.awsProfile", profile.name())
                    : profile.name();
        }
        return messages.get(target instanceof ConnectionTarget.Bundled
                ? "menu.connection.bundled"
                : "menu.connection.environment");
    }

    /** The status bar's and title's name: a profile's name, or the kind of the other targets. */
    String statusName(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Profile profile) {
            return profile.name();
        }
        return messages.get("connection.kind." + kind(target).name());
    }

    /** Such as "eu-west-1 · Europe (Ireland)", or the ID alone for a region the SDK does not know. */
    String regionLabel(RegionChoice region) {
        return region.description().isEmpty()
                ? region.id()
                : messages.format("menu.region.item", region.id(), region.description());
    }

    static KmsConnection.Kind kind(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Profile) {
            return KmsConnection.Kind.AWS_PROFILE;
        }
        return target instanceof ConnectionTarget.Bundled
                ? KmsConnection.Kind.BUNDLED_BACKEND
                : KmsConnection.Kind.ENVIRONMENT;
    }
}
