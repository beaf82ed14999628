-- Tables for the AssertJ layer's tests; @PgNotifications(tables) installs the change triggers.
CREATE TABLE users (
    id         bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL,
    age        int
);
CREATE TABLE documents (
    id   bigint PRIMARY KEY,
    body text
);
CREATE TABLE settings (
    id    int PRIMARY KEY,
    tags  int[],
    prefs jsonb
);
