-- The application's schema, applied by Flyway when the application starts (in SpringBootExampleTest, by
-- @PgNotifications(flyway) first, before the library installs its trigger on customers).

CREATE TABLE customers (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  text NOT NULL,
    email text NOT NULL UNIQUE
);
