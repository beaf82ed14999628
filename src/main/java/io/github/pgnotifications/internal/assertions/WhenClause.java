package io.github.pgnotifications.internal.assertions;

/**
 * The {@code WHEN} condition of a trigger, cut from the {@code CREATE TRIGGER} statement PostgreSQL prints for it
 * ({@code pg_get_triggerdef}). Written by hand because PostgreSQL offers the condition only inside that statement.
 */
public final class WhenClause {

    private static final String WHEN = " WHEN (";

    private WhenClause() {
    }

    /**
     * The condition of a printed {@code CREATE TRIGGER}, without the parentheses around it; null when it has none.
     * Before {@code WHEN} the statement holds only keywords and identifiers (unquoted ones in lower case), so the
     * first {@code " WHEN ("} outside double quotes starts the condition.
     */
    static String of(String triggerDefinition) {
        int start = outsideQuotes(triggerDefinition, WHEN);
        if (start < 0) {
            return null;
        }
        int open = start + WHEN.length() - 1;
        int close = matchingParenthesis(triggerDefinition, open);
        return close < 0 ? null : trimmed(triggerDefinition.substring(open + 1, close));
    }

    /**
     * The condition without surrounding blanks and without any parentheses that enclose all of it, so that
     * {@code "(a = b)"} and {@code "a = b"} read alike.
     */
    public static String trimmed(String condition) {
        String trimmed = condition.strip();
        while (trimmed.startsWith("(") && matchingParenthesis(trimmed, 0) == trimmed.length() - 1) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static int outsideQuotes(String text, String wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(wanted, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The parenthesis that closes the one at {@code open}, skipping quoted identifiers and string literals (PostgreSQL
     * doubles the quotes inside both, which toggles twice), or -1 when there is none.
     */
    private static int matchingParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
