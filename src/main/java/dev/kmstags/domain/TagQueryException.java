package dev.kmstags.domain;

/**
 * A search text that {@link TagQuery#parse} cannot read: what is wrong and where. The message is plain English for
 * logs and the command line; a UI turns {@link #problem()} into its own words.
 */
public final class TagQueryException extends IllegalArgumentException {

    private final Problem problem;
    private final int position;

    TagQueryException(Problem problem, int position, String text) {
        super(problem.describe(position, text));
        this.problem = problem;
        this.position = position;
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** Where, as a zero-based character index into the search text. */
    public int position() {
        return position;
    }

    /** The ways a search text can be unreadable. */
    public enum Problem {
        /** A double quote opened and never closed. */
        UNCLOSED_QUOTE("a quote opened at character %d is never closed"),
        /** A backslash at the very end, with nothing to escape. */
        DANGLING_BACKSLASH("a backslash at character %d escapes nothing"),
        /** {@code =value} with no tag key before the equals sign. */
        MISSING_TAG_KEY("the term at character %d has no tag key before '='"),
        /** {@code !} followed by nothing. */
        MISSING_NEGATED_TERM("the '!' at character %d is not followed by a tag key");

        private final String format;

        Problem(String format) {
            this.format = format;
        }

        String describe(int position, String text) {
            return "Cannot read the search \"" + text + "\": " + String.format(format, position + 1);
        }
    }
}
