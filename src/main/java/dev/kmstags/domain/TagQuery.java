package dev.kmstags.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A search over keys and their tags, as typed into the key list's search box or given to {@code --filter}.
 *
 * <p>The text is a list of terms separated by spaces; a key matches when it matches every term.
 * <ul>
 *   <li>{@code Team=platform}: the key has the tag {@code Team} with exactly the value {@code platform};</li>
 *   <li>{@code Team=plat*}: the value matches, where {@code *} stands for any text (also none);</li>
 *   <li>{@code Team=}: the key has the tag {@code Team}, whatever its value; {@code Team=""}: its value is
 *       empty;</li>
 *   <li>{@code !Owner} (or {@code !Owner=}): the key lacks the tag {@code Owner};
 *       {@code !Team=plat*}: the key does not have a {@code Team} tag whose value matches;</li>
 *   <li>{@code compliant} / {@code !compliant}: the key's tags comply, or do not, with the tag policy in force (any
 *       letter case; without a policy every key complies). {@code "compliant"} in quotes is free text, and
 *       {@code !compliant=} the lack of a tag named so;</li>
 *   <li>any other word is free text, as before tags were searchable: it matches, ignoring case, anywhere in the key
 *       ID, ARN, description, aliases, tag keys or tag values. A bare {@code Team} therefore finds the keys that
 *       have the tag {@code Team} and also those that mention "team" elsewhere; {@code Team=} asks for the tag
 *       alone.</li>
 * </ul>
 * Tag keys and values compare as KMS compares them: exactly, case included. A part that holds spaces, {@code =},
 * {@code !} or a leading {@code "} is put in double quotes: {@code "Cost Center"="R&D 1"}, {@code "two words"}.
 * A backslash takes the next character literally, in quotes or not: {@code \"}, {@code \\}, {@code \*} (a star
 * that is not a wildcard), {@code \!} (a free-text word that starts with {@code !}).
 */
public final class TagQuery {

    private static final TagQuery EVERYTHING = new TagQuery("", List.of());

    private final String text;
    private final List<Term> terms;

    private TagQuery(String text, List<Term> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /** The query that every key matches. */
    public static TagQuery everything() {
        return EVERYTHING;
    }

    /**
     * Reads {@code text}; a null or blank text matches every key.
     *
     * @throws TagQueryException when the text cannot be read, saying what is wrong and where
     */
    public static TagQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        return new TagQuery(text, new Parser(text).terms());
    }

    /** Whether every key matches (the search is empty). */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The terms, in the order they were typed. */
    public List<Term> terms() {
        return terms;
    }

    /** The text this query was read from. */
    public String text() {
        return text;
    }

    /**
     * Whether {@code key} with {@code tags} matches every term. Pass the tags known so far (empty while they are
     * still being read): a key then matches only by what is known. Without a tag policy every key complies.
     */
    public boolean matches(KeySummary key, List<Tag> tags) {
        return matches(key, tags, anyTags -> true);
    }

    /** As {@link #matches(KeySummary, List)}, where {@code complies} tells whether tags comply with the policy. */
    public boolean matches(KeySummary key, List<Tag> tags, Predicate<List<Tag>> complies) {
        for (Term term : terms) {
            if (!term.matches(key, tags, complies)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TagQuery query && query.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return "TagQuery" + terms;
    }

    /** Whether a term asks about tags the key lacks or their compliance, which needs every tag of the key known. */
    public boolean needsAllTags() {
        return terms.stream().anyMatch(term -> term instanceof TagTerm tagTerm && tagTerm.negated()
                || term instanceof ComplianceTerm);
    }

    /** One term of a query. */
    public sealed interface Term {

        /**
         * Whether {@code key} with {@code tags} matches this term; {@code complies} tells whether tags comply with the
         * tag policy.
         */
        boolean matches(KeySummary key, List<Tag> tags, Predicate<List<Tag>> complies);
    }

    /** {@code compliant}: the key's tags comply with the tag policy; {@code !compliant}, when negated: they do not. */
    public record ComplianceTerm(boolean negated) implements Term {

        /** The word that asks for it, in any letter case. */
        static final String WORD = "compliant";

        @Override
        public boolean matches(KeySummary key, List<Tag> tags, Predicate<List<Tag>> complies) {
            return complies.test(tags) != negated;
        }
    }

    /**
     * Free text: found, ignoring case, in the key ID, ARN, description, an alias, a tag key or a tag value.
     */
    public record FreeText(String text) implements Term {

        public FreeText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean matches(KeySummary key, List<Tag> tags, Predicate<List<Tag>> complies) {
            String needle = text.toLowerCase(Locale.ROOT);
            if (contains(key.keyId(), needle) || contains(key.arn(), needle) || contains(key.description(), needle)) {
                return true;
            }
            for (String alias : key.aliases()) {
                if (contains(alias, needle)) {
                    return true;
                }
            }
            for (Tag tag : tags) {
                if (contains(tag.key(), needle) || contains(tag.value(), needle)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(String haystack, String needle) {
            return haystack.toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    /**
     * The key has the tag {@code tagKey} and its value matches {@code valuePattern} (empty: any value), or, when
     * {@code negated}, it has no such tag.
     *
     * @param tagKey       the tag key, compared exactly
     * @param valuePattern the value as typed, where an unescaped {@code *} is a wildcard; {@code null} for any value
     * @param negated      whether the term asks for keys without such a tag
     */
    public record TagTerm(String tagKey, ValuePattern valuePattern, boolean negated) implements Term {

        public TagTerm {
            Objects.requireNonNull(tagKey, "tagKey");
        }

        @Override
        public boolean matches(KeySummary key, List<Tag> tags, Predicate<List<Tag>> complies) {
            boolean found = false;
            for (Tag tag : tags) {
                if (tag.key().equals(tagKey) && (valuePattern == null || valuePattern.matches(tag.value()))) {
                    found = true;
                    break;
                }
            }
            return found != negated;
        }
    }

    /**
     * A tag value to match: literal parts with a wildcard between each two ({@code plat*} is {@code ["plat", ""]}).
     */
    public record ValuePattern(List<String> parts) {

        public ValuePattern {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a value pattern has at least one part");
            }
        }

        /** A pattern that matches exactly {@code value}. */
        public static ValuePattern exactly(String value) {
            return new ValuePattern(List.of(value));
        }

        /** Whether the pattern holds a wildcard. */
        public boolean hasWildcard() {
            return parts.size() > 1;
        }

        /** Whether {@code value} matches, case included. */
        public boolean matches(String value) {
            if (!hasWildcard()) {
                return parts.get(0).equals(value);
            }
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!parts.get(i).isEmpty()) {
                    regex.append(Pattern.quote(parts.get(i)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
        }
    }

    /** Splits a search text into terms, honouring quotes and backslashes. */
    private static final class Parser {

        private final String text;
        private int index;

        Parser(String text) {
            this.text = text;
        }

        List<Term> terms() {
            List<Term> terms = new ArrayList<>();
            while (true) {
                while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
                    index++;
                }
                if (index >= text.length()) {
                    return terms;
                }
                terms.add(term());
            }
        }

        private Term term() {
            int start = index;
            boolean negated = false;
            if (text.charAt(index) == '!') {
                negated = true;
                index++;
                if (atTermEnd()) {
                    throw new TagQueryException(TagQueryException.Problem.MISSING_NEGATED_TERM, start, text);
                }
            }
            Word name = word(true);
            if (index < text.length() && text.charAt(index) == '=') {
                index++;
                if (name.literal().isEmpty() && !name.quoted()) {
                    throw new TagQueryException(TagQueryException.Problem.MISSING_TAG_KEY, start, text);
                }
                Word value = word(false);
                ValuePattern pattern = value.parts().size() == 1 && value.parts().get(0).isEmpty() && !value.quoted()
                        ? null : new ValuePattern(value.parts());
                return new TagTerm(name.literal(), pattern, negated);
            }
            if (!name.quoted() && name.literal().equalsIgnoreCase(ComplianceTerm.WORD)) {
                return new ComplianceTerm(negated);
            }
            if (negated) {
                return new TagTerm(name.literal(), null, true);
            }
            return new FreeText(name.literal());
        }

        private boolean atTermEnd() {
            return index >= text.length() || Character.isWhitespace(text.charAt(index));
        }

        /**
         * Reads up to a space outside quotes (or, for a tag key, an {@code =} outside quotes). In a value, the
         * unescaped stars outside and inside quotes split the parts.
         */
        private Word word(boolean stopAtEquals) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            boolean inQuotes = false;
            boolean quoted = false;
            int quoteStart = -1;
            while (index < text.length()) {
                char c = text.charAt(index);
                if (c == '\\') {
                    if (index + 1 >= text.length()) {
                        throw new TagQueryException(TagQueryException.Problem.DANGLING_BACKSLASH, index, text);
                    }
                    int codePoint = text.codePointAt(index + 1);
                    current.appendCodePoint(codePoint);
                    literal.appendCodePoint(codePoint);
                    index += 1 + Character.charCount(codePoint);
                    continue;
                }
                if (c == '"') {
                    inQuotes = !inQuotes;
                    quoted = true;
                    quoteStart = index;
                    index++;
                    continue;
                }
                if (!inQuotes && (Character.isWhitespace(c) || stopAtEquals && c == '=')) {
                    break;
                }
                if (c == '*' && !stopAtEquals) {
                    parts.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
                literal.append(c);
                index++;
            }
            if (inQuotes) {
                throw new TagQueryException(TagQueryException.Problem.UNCLOSED_QUOTE, quoteStart, text);
            }
            parts.add(current.toString());
            return new Word(literal.toString(), parts, quoted);
        }
    }

    /** A word as read: its text with quotes and escapes resolved, split at wildcards for a value. */
    private record Word(String literal, List<String> parts, boolean quoted) {
    }
}
