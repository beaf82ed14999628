-- Unqualified names, as a seed script is written: it must start with a fresh session's search_path.
INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'), (2, 'NICK', 'WAHLBERG');
INSERT INTO payment VALUES (16050, 269, 2.99, '2022-02-15 10:00:00+00');
