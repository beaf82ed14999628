CREATE TABLE events (
    id    int PRIMARY KEY,
    owner text NOT NULL
);
