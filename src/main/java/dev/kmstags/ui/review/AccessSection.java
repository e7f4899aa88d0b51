package dev.kmstags.ui.review;

import dev.kmstags.domain.access.AccessChange;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.PolicyStatement;
import dev.kmstags.domain.access.Truth;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.ui.common.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The review's section "Access that changes": who gains or loses which KMS actions on the key through the change,
 * one sentence per principal, action and statement, from the account's identity policies; or that no policy decides
 * access by the tags changed, or why the policies could not be read. It always says what the check does not cover.
 * Absent ({@link #OFF}) when the user has not turned the check on for the connection.
 */
public final class AccessSection {

    /** One sentence of the section, and whether it tells of a loss of access or an outcome that cannot be told. */
    public record Line(String text, Kind kind) {
    }

    /** How a line reads: access lost, access gained, or unknown; lines are shown in this order. */
    public enum Kind { LOSS, GAIN, UNKNOWN }

    /** The check is off for the connection: the review has no such section. */
    public static final AccessSection OFF = new AccessSection(false, List.of(), "", "");

    private final boolean shown;
    private final List<Line> lines;
    private final String statusText;
    private final String scopeText;

    private AccessSection(boolean shown, List<Line> lines, String statusText, String scopeText) {
        this.shown = shown;
        this.lines = List.copyOf(lines);
        this.statusText = Objects.requireNonNull(statusText, "statusText");
        this.scopeText = scopeText;
    }

    /** The section for what reading the policies gave, and (when they were read) the check's report. */
    public static AccessSection of(AccessPolicies.Reading reading, AccessReport report, Messages messages) {
        String scope = messages.get("access.scope");
        if (reading instanceof AccessPolicies.Unavailable unavailable) {
            return new AccessSection(true, List.of(), unavailableText(unavailable, messages), scope);
        }
        // Losses first: they are what the user must not miss; then gains, then what cannot be told.
        List<Line> lines = report.changes().stream().map(change -> line(change, messages))
                .sorted(Comparator.comparing(Line::kind)).toList();
        String status = report.isEmpty() ? messages.get("access.none") : "";
        if (!report.unreadable().isEmpty()) {
            status = (status + " " + messages.format("access.unreadable", String.join(", ", report.unreadable())))
                    .strip();
        }
        return new AccessSection(true, lines, status, scope);
    }

    /** Why the check could not be made: the credentials may not read IAM, or reading it failed. */
    public static String unavailableText(AccessPolicies.Unavailable unavailable, Messages messages) {
        return unavailable.problem() == KmsProblem.ACCESS_DENIED
                ? messages.format("access.unavailable.denied", unavailable.detail())
                : messages.format("access.unavailable", unavailable.detail());
    }

    /** "role/payments-app: kms:Decrypt allowed before, not after (policy P, statement S: condition)". */
    public static Line line(AccessChange change, Messages messages) {
        String source = messages.format("access.source", change.policyName(), change.statementName(),
                change.conditionText());
        boolean allow = change.effect() == PolicyStatement.Effect.ALLOW;
        if (change.isUnknown()) {
            return new Line(messages.format("access.line.unknown", change.principal().label(), change.action(),
                    messages.get(allow ? "access.allowed" : "access.denied"), truth(change.before(), messages),
                    truth(change.after(), messages), source, String.join("; ", change.unknownReasons())),
                    Kind.UNKNOWN);
        }
        String key = (allow ? "access.line.allowed" : "access.line.denied")
                + (change.before() == Truth.TRUE ? "BeforeNotAfter" : "AfterNotBefore");
        return new Line(messages.format(key, change.principal().label(), change.action(), source),
                change.removesAccess() ? Kind.LOSS : Kind.GAIN);
    }

    private static String truth(Truth truth, Messages messages) {
        return messages.get("access.truth." + truth.name());
    }

    /** Whether the review shows the section. */
    public boolean shown() {
        return shown;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Whether some principal loses access: Apply then asks once more. */
    public boolean removesAccess() {
        return lines.stream().anyMatch(line -> line.kind() == Kind.LOSS);
    }

    /** Whether the section names any principal whose access may change: the result then says it takes time. */
    public boolean hasChanges() {
        return !lines.isEmpty();
    }

    /** The sentences of losses only, for the further confirmation. */
    public List<String> lossLines() {
        return lines.stream().filter(line -> line.kind() == Kind.LOSS).map(Line::text).toList();
    }

    /** "No IAM policy in this account decides access by the tags you change", or why policies were not read. */
    public String statusText() {
        return statusText;
    }

    /** What the check does not cover: it is a warning list, not a verdict. */
    public String scopeText() {
        return scopeText;
    }
}
