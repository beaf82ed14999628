package com.example;

/** What AccountsResourceTest saw, for AccountsUpdatesTest, which runs after it on the same application. */
final class FirstClass {

    static volatile String databaseUrl;

    private FirstClass() {
    }
}
