-- The contracts example's schema: accounts gets the library's trigger (tables = "accounts"); orders has the team's
-- own trigger, which sends a payload of its own making on order_events.
CREATE TABLE accounts (
    id     bigint PRIMARY KEY,
    owner  text NOT NULL,
    email  text
);

CREATE TABLE orders (
    id      bigint PRIMARY KEY,
    account bigint NOT NULL REFERENCES accounts (id),
    total   numeric(10, 2) NOT NULL
);

CREATE FUNCTION order_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('order_events', json_build_object('order_id', NEW.id, 'account', NEW.account,
                                                        'total', NEW.total)::text);
    RETURN NEW;
END
$$;

CREATE TRIGGER order_events AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION order_events();
