-- The seed article's users table and its own notify trigger (as examples/src/test/resources/seed-users.sql).
create table users(
    id text not null,
    first_name text not null,
    last_name text not null,
    unique(id)
);

CREATE OR REPLACE FUNCTION notify_trigger() RETURNS trigger AS
$trigger$
DECLARE
    rec     users;
    dat     users;
    payload TEXT;
BEGIN
    CASE TG_OP
        WHEN 'UPDATE' THEN rec := NEW;
                           dat := OLD;
        WHEN 'INSERT' THEN rec := NEW;
        WHEN 'DELETE' THEN rec := OLD;
        ELSE RAISE EXCEPTION 'Unknown TG_OP: "%". Should not occur!', TG_OP;
    END CASE;
    payload := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', LOWER(TG_OP), 'db_schema', TG_TABLE_SCHEMA,
                                 'table', TG_TABLE_NAME, 'record', row_to_json(rec), 'old', row_to_json(dat));

    PERFORM pg_notify('users', payload);
    RETURN rec;
END;
$trigger$ LANGUAGE 'plpgsql';

CREATE TRIGGER users_notify
    AFTER INSERT OR UPDATE OR DELETE
    ON users
    FOR EACH ROW
EXECUTE PROCEDURE notify_trigger();

-- A table as Spring Integration's JDBC channel message store keeps it, with a trigger that notifies in plain text
-- ("region groupkey"), as Spring Integration's PostgresChannelMessageTableSubscriber expects.
CREATE TABLE int_channel_message (
    message_id character(36) NOT NULL,
    group_key character(36) NOT NULL,
    region character varying(100) NOT NULL,
    PRIMARY KEY (region, group_key, message_id)
);
CREATE FUNCTION int_channel_message_notify_fct() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('int_channel_message_notify', NEW.region || ' ' || NEW.group_key);
    RETURN NEW;
END;
$$;
CREATE TRIGGER int_channel_message_notify_trg AFTER INSERT ON int_channel_message
    FOR EACH ROW EXECUTE PROCEDURE int_channel_message_notify_fct();
