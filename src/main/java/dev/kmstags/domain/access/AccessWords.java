package dev.kmstags.domain.access;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The access check in words, the same in the app's reviews and on the command line: one sentence per principal,
 * action and statement ("role/payments-app: kms:Decrypt allowed before, not after (policy PaymentsKeyAccess,
 * statement AllowByTeam: aws:ResourceTag/Team = payments)"), that no policy decides, what the check does not cover,
 * and that authorization takes time to follow. From {@code dev/kmstags/domain/access/messages.properties}.
 */
public final class AccessWords {

    /** How a sentence reads: access lost, access gained, or unknown; sentences are listed in this order. */
    public enum Kind { LOSS, GAIN, UNKNOWN }

    /** One sentence, and whether it tells of a loss of access, a gain, or an outcome that cannot be told. */
    public record Line(String text, Kind kind) {

        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private static final String BUNDLE = "dev.kmstags.domain.access.messages";

    private final ResourceBundle bundle;

    /** The sentences for {@code locale}, falling back to English. */
    public AccessWords(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, Objects.requireNonNull(locale, "locale"));
    }

    /** "role/payments-app: kms:Decrypt allowed before, not after (policy P, statement S: condition)". */
    public Line line(AccessChange change) {
        String source = format("access.source", change.policyName(), change.statementName(), change.conditionText());
        boolean allow = change.effect() == PolicyStatement.Effect.ALLOW;
        if (change.isUnknown()) {
            return new Line(format("access.line.unknown", change.principal().label(), change.action(),
                    get(allow ? "access.allowed" : "access.denied"), truth(change.before()), truth(change.after()),
                    source, String.join("; ", change.unknownReasons())), Kind.UNKNOWN);
        }
        String key = (allow ? "access.line.allowed" : "access.line.denied")
                + (change.before() == Truth.TRUE ? "BeforeNotAfter" : "AfterNotBefore");
        return new Line(format(key, change.principal().label(), change.action(), source),
                change.removesAccess() ? Kind.LOSS : Kind.GAIN);
    }

    /** The sentences of a report, losses first (they are what must not be missed), then gains, then unknowns. */
    public List<Line> lines(AccessReport report) {
        return report.changes().stream().map(this::line).sorted(Comparator.comparing(Line::kind)).toList();
    }

    /**
     * What the section says besides its sentences: that no policy decides access by the tags changed (when
     * {@code noChanges}), and which policies could not be read; empty when neither.
     */
    public String status(boolean noChanges, Collection<String> unreadable) {
        String none = noChanges ? get("access.none") : "";
        return unreadable.isEmpty() ? none
                : (none + " " + format("access.unreadable", String.join(", ", unreadable))).strip();
    }

    /** "Access that changes": the section's title. */
    public String title() {
        return get("access.title");
    }

    /** What the check does not cover: it is a warning list, not a verdict. */
    public String scope() {
        return get("access.scope");
    }

    /** AWS: a tag change may take up to five minutes to affect authorization to the key. */
    public String delay() {
        return get("access.delay");
    }

    private String truth(Truth truth) {
        return get("access.truth." + truth.name());
    }

    private String get(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
