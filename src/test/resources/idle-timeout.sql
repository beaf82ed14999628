-- New sessions of this database (the listener's among them) are closed after 300 ms of idleness (PostgreSQL 14+).
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        EXECUTE format('ALTER DATABASE %I SET idle_session_timeout = %L', current_database(), '300ms');
    END IF;
END
$$;
