CREATE TABLE documents (
    id   int PRIMARY KEY,
    body text
);
CREATE SCHEMA "Sales Dept";
CREATE TABLE "Sales Dept"."Big ""Orders"" ü" (
    "Order Id" int PRIMARY KEY,
    note       text
);
-- Two 63-byte names (the most PostgreSQL keeps) that differ only in their last character.
CREATE TABLE long_table_name_with_a_common_prefix_that_fills_all_63_bytes_1 (id int PRIMARY KEY);
CREATE TABLE long_table_name_with_a_common_prefix_that_fills_all_63_bytes_2 (id int PRIMARY KEY);
