-- The team's own trigger: announces each new customer on the channel customer_events with the payload
-- 'created:<id>'. Other services LISTEN on it.

CREATE FUNCTION announce_customer_created() RETURNS trigger AS
$$
BEGIN
    PERFORM pg_notify('customer_events', 'created:' || NEW.id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER customers_announce_created
    AFTER INSERT ON customers
    FOR EACH ROW
EXECUTE FUNCTION announce_customer_created();
