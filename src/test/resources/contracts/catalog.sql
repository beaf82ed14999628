-- Tables whose contracts CatalogContractsTest derives from the catalog.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS integer NOT NULL CHECK (VALUE > 0);

CREATE TABLE accounts (id bigint PRIMARY KEY, owner text, ssn text NOT NULL);

CREATE TABLE order_lines (order_id integer, line smallint, note varchar(20), PRIMARY KEY (order_id, line));

CREATE TABLE typed (
    id uuid PRIMARY KEY,
    amount numeric(10, 2) NOT NULL,
    ratio double precision,
    doc jsonb,
    at timestamptz NOT NULL,
    day date,
    tags text[] NOT NULL,
    feeling mood,
    flag boolean NOT NULL,
    rank positive,
    raw bytea
);

CREATE TABLE payment (
    payment_id integer NOT NULL,
    amount numeric(5, 2) NOT NULL,
    payment_date timestamptz NOT NULL,
    PRIMARY KEY (payment_date, payment_id)
) PARTITION BY RANGE (payment_date);
CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
CREATE TABLE payment_p2022_03 PARTITION OF payment FOR VALUES FROM ('2022-03-01') TO ('2022-04-01');

CREATE TABLE watched (id integer PRIMARY KEY, status text NOT NULL, note text);

CREATE SCHEMA audit;
CREATE TABLE public.events (id integer PRIMARY KEY, what text NOT NULL);
CREATE TABLE audit.events (id bigint PRIMARY KEY, what text, at timestamptz NOT NULL);
