CREATE TABLE subscribers (
    note  text,
    email text UNIQUE
);
CREATE TABLE audit_log (
    line text
);
