-- A script with a dollar-quoted function body and a trigger of the team's own, as migrations have them.
CREATE TABLE orders (
    id     int PRIMARY KEY,
    status text NOT NULL
);

CREATE FUNCTION notify_order_status() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    -- semicolons inside the body; must not split the script
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM pg_notify('order_status', NEW.id || ':' || NEW.status);
    END IF;
    RETURN NEW;
END;
$body$;

CREATE TRIGGER order_status_changed AFTER UPDATE ON orders
    FOR EACH ROW EXECUTE PROCEDURE notify_order_status();
