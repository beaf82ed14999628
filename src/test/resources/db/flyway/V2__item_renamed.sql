CREATE FUNCTION item_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('item_renamed', NEW.id || ':' || NEW.name);
    RETURN NEW;
END;
$$;
CREATE TRIGGER item_renamed AFTER UPDATE OF name ON items FOR EACH ROW EXECUTE PROCEDURE item_renamed();
