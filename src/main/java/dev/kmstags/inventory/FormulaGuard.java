package dev.kmstags.inventory;

/**
 * Keeps a spreadsheet from running a cell as a formula (CSV injection), reversibly.
 *
 * <p>The rule: a text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or an
 * apostrophe is written with one apostrophe in front; every other text is written as it is. Reading removes one
 * leading apostrophe when there is one. Because a text that starts with an apostrophe gets one too, reading undoes
 * writing exactly: {@code =1+1} is written {@code '=1+1}, {@code 'quoted} is written {@code ''quoted}, and a lone
 * {@code '} reads as the empty text (which the one-row-per-key shape uses for a tag whose value is empty).
 */
public final class FormulaGuard {

    private static final String STARTERS = "=+-@\t\r'";

    private FormulaGuard() {
    }

    /** The cell for {@code text}. */
    public static String protect(String text) {
        return needsGuard(text) ? "'" + text : text;
    }

    /** The text of {@code cell}, undoing {@link #protect}. */
    public static String unprotect(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String text) {
        return !text.isEmpty() && STARTERS.indexOf(text.charAt(0)) >= 0;
    }
}
