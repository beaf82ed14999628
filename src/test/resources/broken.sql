CREATE TABLE fine (id int PRIMARY KEY);

CREATE TABEL broken (id int);
