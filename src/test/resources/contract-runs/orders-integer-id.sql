-- A team's own trigger: the id as a JSON number.
create table orders(id bigint primary key, total numeric not null);
create function orders_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('orders', json_build_object('id', new.id, 'total', new.total)::text);
    return new;
end $$;
create trigger orders_notify after insert on orders for each row execute procedure orders_notify();
