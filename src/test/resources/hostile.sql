CREATE TABLE victim (id int PRIMARY KEY);
CREATE TABLE "a""; drop table victim; --" (id int PRIMARY KEY);
CREATE TABLE "x$$;select 1;$$" (id int PRIMARY KEY);
CREATE TABLE accounts (
    id            int PRIMARY KEY,
    email         text,
    password_hash text
);
