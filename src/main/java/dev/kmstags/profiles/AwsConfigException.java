package dev.kmstags.profiles;

import java.nio.file.Path;

/** An AWS config or credentials file that cannot be used; the message is a sentence for the user. */
public final class AwsConfigException extends RuntimeException {

    private final Path file;

    private AwsConfigException(Path file, String sentence, Throwable cause) {
        super(sentence, cause);
        this.file = file;
    }

    static AwsConfigException unreadable(Path file, Exception cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new AwsConfigException(file, ProfileMessages.format("config.unreadable", file, detail), cause);
    }

    static AwsConfigException badEndpoint(Path file, String profile, String value) {
        return new AwsConfigException(file, ProfileMessages.format("config.badEndpoint", file, profile, value), null);
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
