-- Two tables, two channels: users has a text key, orders an integer one.

CREATE TABLE users (
    id   text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE orders (
    id       integer PRIMARY KEY,
    user_id  text    NOT NULL REFERENCES users (id),
    item     text    NOT NULL,
    quantity integer NOT NULL
);
