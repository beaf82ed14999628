-- The table behind UserRepository. The change trigger is installed by @PgNotifications(tables = "users").

CREATE TABLE users (
    id         bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL
);
