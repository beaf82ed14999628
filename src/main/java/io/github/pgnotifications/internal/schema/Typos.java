package io.github.pgnotifications.internal.schema;

/** Whether a name is a likely typo of another: at most two edits apart (Levenshtein), and not equal. */
final class Typos {

    private static final int MOST_EDITS = 2;

    private Typos() {
    }

    static boolean near(String existing, String given) {
        if (existing.equals(given) || Math.abs(existing.length() - given.length()) > MOST_EDITS) {
            return false;
        }
        return distance(existing, given) <= MOST_EDITS;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
