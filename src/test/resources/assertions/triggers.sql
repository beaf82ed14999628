-- A team's own triggers, as its migrations would create them, for the trigger-definition checks.
CREATE TABLE users (
    id         text PRIMARY KEY,
    first_name text NOT NULL,
    updated_at timestamptz
);

CREATE FUNCTION notify_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_NAME, json_build_object('action', lower(TG_OP))::text);
    RETURN NULL;
END
$$;

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER users_notify AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_trigger();
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_trigger();
CREATE TRIGGER users_legacy AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION notify_trigger();
ALTER TABLE users DISABLE TRIGGER users_legacy;

-- A foreign key: PostgreSQL adds internal triggers for it, which are not the team's.
CREATE TABLE orders (
    id      int PRIMARY KEY,
    user_id text REFERENCES users (id)
);

-- A table without triggers.
CREATE TABLE plain (id int);

-- A view written through an INSTEAD OF trigger.
CREATE VIEW user_names AS SELECT id, first_name FROM users;
CREATE FUNCTION insert_user_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO users (id, first_name) VALUES (NEW.id, NEW.first_name);
    RETURN NEW;
END
$$;
CREATE TRIGGER user_names_insert INSTEAD OF INSERT ON user_names FOR EACH ROW EXECUTE FUNCTION insert_user_name();

-- A table of the same name in another schema, with a trigger calling a function of that schema.
CREATE SCHEMA audit;
CREATE FUNCTION audit.notify_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('audit', TG_OP);
    RETURN NULL;
END
$$;
CREATE TABLE audit.users (id text);
CREATE TRIGGER audit_users_notify AFTER INSERT ON audit.users FOR EACH ROW EXECUTE FUNCTION audit.notify_trigger();
