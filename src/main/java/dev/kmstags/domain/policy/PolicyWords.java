package dev.kmstags.domain.policy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * The tag policy's findings in words, the same in the app (editor cells, the key list's Compliance column, every
 * review) and on the command line: "Environment = prod: the tag policy does not allow this value. Allowed:
 * production, staging.", followed by why AWS refuses it when the policy is enforced for KMS keys. From
 * {@code dev/kmstags/domain/policy/messages.properties}.
 */
public final class PolicyWords {

    private static final String BUNDLE = "dev.kmstags.domain.policy.messages";

    private final ResourceBundle bundle;
    private final UnaryOperator<String> quote;

    /** The sentences for {@code locale}, falling back to English, with keys and values quoted whole. */
    public PolicyWords(Locale locale) {
        this(locale, UnaryOperator.identity());
    }

    /**
     * The sentences for {@code locale}, falling back to English, with a user's tag keys and values quoted through
     * {@code quote} (the app cuts long ones short).
     */
    public PolicyWords(Locale locale, UnaryOperator<String> quote) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, Objects.requireNonNull(locale, "locale"));
        this.quote = Objects.requireNonNull(quote, "quote");
    }

    /** The finding as one sentence that names its tag, as reviews, the key list and the command line show it. */
    public String line(PolicyFinding finding) {
        String line = switch (finding.kind()) {
            case KEY_CASE -> format("policy.line.KEY_CASE", quote.apply(finding.key()),
                    quote.apply(finding.rule().tagKey()));
            case VALUE_NOT_ALLOWED -> format("policy.line.VALUE_NOT_ALLOWED", quote.apply(finding.key()),
                    value(finding.value()), allowed(finding));
            case REQUIRED_MISSING -> format("policy.line.REQUIRED_MISSING", quote.apply(finding.key()));
        };
        return finding.blocks() ? line + get("policy.line.refused") : line;
    }

    /**
     * The finding beside the editor's cell of its tag, which names the tag already: the key's capitalization, or
     * the values allowed. A required tag that is missing has no cell.
     */
    public String cell(PolicyFinding finding) {
        String sentence = switch (finding.kind()) {
            case KEY_CASE -> format("policy.cell.KEY_CASE", quote.apply(finding.rule().tagKey()));
            case VALUE_NOT_ALLOWED -> format("policy.cell.VALUE_NOT_ALLOWED", allowed(finding));
            case REQUIRED_MISSING -> throw new IllegalArgumentException("A missing tag has no cell: " + finding);
        };
        return finding.blocks() ? sentence + get("policy.cell.refused") : sentence;
    }

    /** "Tag policy (the organization's effective tag policy)": the heading of the findings. */
    public String title(String source) {
        return format("policy.title", source);
    }

    /** "The tags follow the tag policy." */
    public String compliant() {
        return get("policy.compliant");
    }

    private static String allowed(PolicyFinding finding) {
        return String.join(", ", finding.rule().allowedValues().orElseThrow());
    }

    private String value(String value) {
        return value.isEmpty() ? get("policy.emptyValue") : quote.apply(value);
    }

    private String get(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
