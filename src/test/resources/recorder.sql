CREATE TABLE users (
    id         bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL
);
CREATE TABLE accounts (
    code  text PRIMARY KEY,
    owner text
);
CREATE TABLE memberships (
    tenant_id int,
    user_id   int,
    role      text,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE audit_log (
    line text
);
