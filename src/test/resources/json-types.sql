-- Every column type whose JSON form PostgreSQL writes in its own way, for PostgresJsonDifferentialTest.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE labelled_point AS (x int, y numeric, label text);
CREATE TABLE json_types (
    id          int PRIMARY KEY,
    small       int2,
    regular     int4,
    big         int8,
    amount      numeric,
    price       numeric(10, 2),
    exact       numeric(38, 18),
    huge        numeric,
    huge_int    numeric,
    not_a_num   numeric,
    single      float4,
    double      float8,
    nan         float8,
    infinity    float8,
    minus_inf   float8,
    very_big    float8,
    very_small  float8,
    minus_zero  float8,
    label       text,
    flag        bool,
    day         date,
    at_local    timestamp,
    at_zoned    timestamptz,
    clock       time,
    span        interval,
    uid         uuid,
    bytes       bytea,
    doc         json,
    docb        jsonb,
    numbers     int[],
    words       text[],
    grid        int[][],
    nothing     text,
    feeling     mood,
    point       labelled_point,
    empty_list  int[]
);
INSERT INTO json_types VALUES (
    1, -32768, 2147483647, 9223372036854775807, 1.10, 12345678.90, 1.123456789012345678,
    123456789012345678901234567890.123, 123456789012345678901234567890, 'NaN',
    1.1, 0.1, 'NaN', 'Infinity', '-Infinity', 1e300, 1e-300, '-0',
    E'quote " backslash \\ slash / newline \n tab \t cr \r bell \x07 ' || chr(1) || E' \x1f é ü 中 😀 \u2028',
    true, '2024-02-29', '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15.5+02', '23:59:59.999999',
    '1 year 2 mons 3 days 04:05:06.7', '123e4567-e89b-12d3-a456-426614174000', '\x00ff10',
    '{ "a" : 1.10, "a": 2, "nested": [1e3, -0, 0.5E-2, -1.0E+2, "\ud83d\ude00", "\u00e9\n"],
       "big": 123456789012345678901234567890, "deep": {"x": [[[]]], "y": {}} }',
    '{"x": 1.10, "y": [1, 2.50, {"z": null}], "s": "é\n\"", "n": 123456789012345678901234567890.0}',
    '{1,2,NULL,3}', ARRAY['a', 'b c', 'q"uote', 'back\slash', 'NULL', NULL], '{{1,2},{3,4}}',
    NULL, 'happy', ROW(-1, 2.50, 'lab"el'), '{}'
);
INSERT INTO json_types (id) VALUES (2);
INSERT INTO json_types (id, small, regular, big, amount, exact, single, double, label, flag, numbers, point)
VALUES (3, 0, -2147483648, -9223372036854775808, -0.000, -99999999999999999999.999999999999999999, -3.4e38,
        -2.2250738585072014e-308, '', false, '{}', ROW(NULL, NULL, NULL));
