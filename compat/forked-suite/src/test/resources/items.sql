CREATE TABLE items (
    id   bigint PRIMARY KEY,
    name text NOT NULL
);

-- The team's own trigger beside the library's: a compact event on channel item_names, with "spring" only for rows a
-- Spring class wrote, so that each fork sees a part of the channel's shape and the run's contract is their merge.
CREATE FUNCTION item_names_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('item_names', jsonb_strip_nulls(jsonb_build_object('id', NEW.id, 'name', NEW.name,
        'spring', CASE WHEN NEW.name LIKE 'Spring%' THEN true END))::text);
    RETURN NEW;
END;
$$;
CREATE TRIGGER item_names_notify AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION item_names_notify();
