package dev.kmstags.ui.review;

import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.ui.common.Messages;
import java.util.List;
import java.util.Objects;

/**
 * The review's section "Access that changes": who gains or loses which KMS actions on the key through the change,
 * one sentence per principal, action and statement, from the account's identity policies; or that no policy decides
 * access by the tags changed, or why the policies could not be read. It always says what the check does not cover.
 * Absent ({@link #OFF}) when the user has not turned the check on for the connection. The sentences are
 * {@link AccessWords}', which the command line prints too.
 */
public final class AccessSection {

    /** The check is off for the connection: the review has no such section. */
    public static final AccessSection OFF = new AccessSection(false, "", List.of(), "", "");

    private final boolean shown;
    private final String title;
    private final List<AccessWords.Line> lines;
    private final String statusText;
    private final String scopeText;

    private AccessSection(boolean shown, String title, List<AccessWords.Line> lines, String statusText,
                          String scopeText) {
        this.shown = shown;
        this.title = title;
        this.lines = List.copyOf(lines);
        this.statusText = Objects.requireNonNull(statusText, "statusText");
        this.scopeText = scopeText;
    }

    /** The section for what reading the policies gave, and (when they were read) the check's report. */
    public static AccessSection of(AccessPolicies.Reading reading, AccessReport report, Messages messages) {
        AccessWords words = words(messages);
        if (reading instanceof AccessPolicies.Unavailable unavailable) {
            return new AccessSection(true, words.title(), List.of(), unavailableText(unavailable, messages),
                    words.scope());
        }
        return new AccessSection(true, words.title(), words.lines(report),
                words.status(report.isEmpty(), report.unreadable()), words.scope());
    }

    /** The access check's sentences in the language of the UI's {@code messages}. */
    public static AccessWords words(Messages messages) {
        return new AccessWords(messages.bundle().getLocale());
    }

    /** Why the check could not be made: the credentials may not read IAM, or reading it failed. */
    public static String unavailableText(AccessPolicies.Unavailable unavailable, Messages messages) {
        return unavailable.problem() == KmsProblem.ACCESS_DENIED
                ? messages.format("access.unavailable.denied", unavailable.detail())
                : messages.format("access.unavailable", unavailable.detail());
    }

    /** Whether the review shows the section. */
    public boolean shown() {
        return shown;
    }

    /** "Access that changes"; empty when the section is not shown. */
    public String title() {
        return title;
    }

    public List<AccessWords.Line> lines() {
        return lines;
    }

    /** Whether some principal loses access: Apply then asks once more. */
    public boolean removesAccess() {
        return lines.stream().anyMatch(line -> line.kind() == AccessWords.Kind.LOSS);
    }

    /** Whether the section names any principal whose access may change: the result then says it takes time. */
    public boolean hasChanges() {
        return !lines.isEmpty();
    }

    /** The sentences of losses only, for the further confirmation. */
    public List<String> lossLines() {
        return lines.stream().filter(line -> line.kind() == AccessWords.Kind.LOSS).map(AccessWords.Line::text)
                .toList();
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
