CREATE SCHEMA archive;
CREATE TABLE archive.old_payment (payment_id integer PRIMARY KEY);
