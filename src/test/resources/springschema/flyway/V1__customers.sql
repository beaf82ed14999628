CREATE SEQUENCE customers_seq INCREMENT BY 50;
CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(255), version bigint);
