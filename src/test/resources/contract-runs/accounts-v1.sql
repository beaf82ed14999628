create table accounts(id bigint primary key, owner text not null, email text);
