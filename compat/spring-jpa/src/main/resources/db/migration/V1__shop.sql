CREATE SEQUENCE customers_seq INCREMENT BY 50;
CREATE SEQUENCE order_lines_seq INCREMENT BY 50;

CREATE TABLE customers (
    id      bigint PRIMARY KEY,
    name    varchar(255) NOT NULL,
    email   varchar(255) NOT NULL UNIQUE,
    version bigint NOT NULL
);

CREATE TABLE orders (
    id          uuid PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status      varchar(20) NOT NULL,
    total       numeric(12, 2) NOT NULL,
    placed_at   timestamp(6) with time zone NOT NULL,
    version     bigint NOT NULL
);

CREATE TABLE order_lines (
    id         bigint PRIMARY KEY,
    order_id   uuid NOT NULL REFERENCES orders (id),
    product    varchar(255) NOT NULL,
    quantity   integer NOT NULL,
    unit_price numeric(12, 2) NOT NULL
);
