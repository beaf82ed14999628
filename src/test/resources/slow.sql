-- A preparation that takes a while, so that classes running in parallel ask for the template while it is built.
SELECT pg_sleep(1);
