CREATE TABLE ledger (id bigint PRIMARY KEY, entry text NOT NULL);
