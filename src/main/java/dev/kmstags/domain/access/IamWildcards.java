package dev.kmstags.domain.access;

import java.util.Locale;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (none included), {@code ?} exactly one. Used for
 * actions (ignoring case, as IAM compares them), resources and {@code StringLike} values (case-sensitive).
 */
final class IamWildcards {

    private IamWildcards() {
    }

    static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    static boolean matchesIgnoringCase(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    /** Iterative glob match with one backtracking point for the last {@code *}: linear for typical patterns. */
    private static boolean matches(String pattern, int p, String text, int t) {
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
