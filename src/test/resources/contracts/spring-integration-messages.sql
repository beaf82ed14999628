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
