package com.example;

/**
 * The database {@link AFirstClassTest} ran in, so that {@link BLeftNothingBehindTest}, which surefire runs after it
 * in the same JVM, can look for what that class left behind.
 */
final class FirstClassDatabase {

    private static volatile String name;

    private FirstClassDatabase() {
    }

    static void remember(String database) {
        name = database;
    }

    /** The database's name, or null when AFirstClassTest has not run in this JVM. */
    static String name() {
        return name;
    }
}
