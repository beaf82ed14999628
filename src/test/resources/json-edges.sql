-- A json column for PostgresJsonEdgesEndToEndTest: json keeps its text as written, so it carries lone surrogate
-- escapes, exponents beyond int and deep nesting into row_to_json and the trigger's payload unchanged.
CREATE TABLE json_edges (id int PRIMARY KEY, doc json);
