CREATE TABLE items (
    id   int PRIMARY KEY,
    name text
);
