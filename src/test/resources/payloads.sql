CREATE TABLE documents (
    id   int PRIMARY KEY,
    body text
);
CREATE SCHEMA "Sales Dept";
CREATE TABLE "Sales Dept"."Big ""Orders"" ü" (
    "Order Id" int PRIMARY KEY,
    note       text
);
