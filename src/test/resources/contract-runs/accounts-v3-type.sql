create table accounts(id bigint primary key, owner text not null, email text);
-- A later migration changes a column's type.
alter table accounts alter column id type text;
