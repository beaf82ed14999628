package io.github.pgnotifications.internal;

/** SQL identifiers for the few statements that take no bind parameters (LISTEN, CREATE and DROP DATABASE). */
public final class Identifiers {

    private Identifiers() {
    }

    /** The name as a quoted identifier: in double quotes, each double quote inside doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
