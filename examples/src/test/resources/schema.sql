-- The quick start's schema (README): the seed article's users table, keyed by its text id.
CREATE TABLE users (
    id         text PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL
);
