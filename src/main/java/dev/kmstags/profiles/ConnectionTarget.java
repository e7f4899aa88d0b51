package dev.kmstags.profiles;

import java.util.Objects;
import java.util.Optional;

/** What the user connects to: the bundled backend, one of their AWS profiles, or the environment's credentials. */
public sealed interface ConnectionTarget {

    /** The bundled backend, which the app starts itself. */
    ConnectionTarget BUNDLED = new Bundled();

    /** The credentials of {@code AWS_ACCESS_KEY_ID} and friends. */
    ConnectionTarget ENVIRONMENT = new Environment();

    /** A stable name to remember the target by, such as {@code profile:dev}. */
    String id();

    /** The profile {@code name}. */
    static ConnectionTarget profile(String name) {
        return new Profile(name);
    }

    /** The target {@link #id()} names, if it is one. */
    static Optional<ConnectionTarget> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.equals(BUNDLED.id())) {
            return Optional.of(BUNDLED);
        }
        if (id.equals(ENVIRONMENT.id())) {
            return Optional.of(ENVIRONMENT);
        }
        if (id.startsWith(Profile.PREFIX) && id.length() > Profile.PREFIX.length()) {
            return Optional.of(profile(id.substring(Profile.PREFIX.length())));
        }
        return Optional.empty();
    }

    /** The bundled backend. */
    record Bundled() implements ConnectionTarget {
        @Override
        public String id() {
            return "bundled";
        }
    }

    /** The environment's credentials. */
    record Environment() implements ConnectionTarget {
        @Override
        public String id() {
            return "environment";
        }
    }

    /** A profile of the user's AWS files. */
    record Profile(String name) implements ConnectionTarget {
        static final String PREFIX = "profile:";

        public Profile {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String id() {
            return PREFIX + name;
        }
    }
}
