package com.example;

/**
 * What AccountsResourceTest saw, for the classes after it. A system property, not a static field: CProfileTest runs
 * in another application, whose class loader loads this class again.
 */
final class FirstClass {

    private static final String DATABASE_URL = "compat.quarkus-app.first-class.database-url";

    private FirstClass() {
    }

    static void databaseUrl(String url) {
        System.setProperty(DATABASE_URL, url);
    }

    static String databaseUrl() {
        return System.getProperty(DATABASE_URL);
    }
}
