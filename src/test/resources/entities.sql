-- Tables of a JPA application, for recordAs and awaits by entity.
CREATE TABLE customers (
    id    bigint PRIMARY KEY,
    name  text NOT NULL
);
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id bigint REFERENCES customers (id),
    total       numeric(10, 2) NOT NULL,
    placed_at   timestamptz NOT NULL,
    status      text NOT NULL,
    version     int NOT NULL
);
CREATE TABLE tickets (
    id    uuid PRIMARY KEY,
    title text NOT NULL
);
