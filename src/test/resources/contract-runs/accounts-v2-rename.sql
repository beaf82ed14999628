create table accounts(id bigint primary key, owner text not null, email text);
-- A later migration renames a column that consumers read.
alter table accounts rename column email to email_address;
