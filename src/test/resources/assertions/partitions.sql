-- A partitioned table as pg_dump writes it: the parent, its partitions attached, keys, then the triggers on the parent
-- only. PostgreSQL copies the parent's row triggers onto each partition, and the internal triggers of foreign keys
-- from and to a partitioned table too.
CREATE TABLE public.customer (
    id bigint NOT NULL
);

CREATE TABLE public.refund (
    payment_id bigint NOT NULL,
    paid_on    date NOT NULL
);

CREATE TABLE public.payment (
    id          bigint NOT NULL,
    customer_id bigint,
    status      text NOT NULL,
    amount      numeric NOT NULL,
    paid_on     date NOT NULL
)
PARTITION BY RANGE (paid_on);

CREATE TABLE public.payment_2024 (
    id          bigint NOT NULL,
    customer_id bigint,
    status      text NOT NULL,
    amount      numeric NOT NULL,
    paid_on     date NOT NULL
);

CREATE TABLE public.payment_2025 (
    id          bigint NOT NULL,
    customer_id bigint,
    status      text NOT NULL,
    amount      numeric NOT NULL,
    paid_on     date NOT NULL
);

ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER TABLE ONLY public.customer ADD CONSTRAINT customer_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.payment ADD CONSTRAINT payment_pkey PRIMARY KEY (id, paid_on);
ALTER TABLE ONLY public.payment_2024 ADD CONSTRAINT payment_2024_pkey PRIMARY KEY (id, paid_on);
ALTER TABLE ONLY public.payment_2025 ADD CONSTRAINT payment_2025_pkey PRIMARY KEY (id, paid_on);
ALTER INDEX public.payment_pkey ATTACH PARTITION public.payment_2024_pkey;
ALTER INDEX public.payment_pkey ATTACH PARTITION public.payment_2025_pkey;

CREATE TRIGGER payment_notify AFTER INSERT ON public.payment FOR EACH ROW EXECUTE FUNCTION public.notify_trigger();
CREATE TRIGGER payment_status_changed AFTER UPDATE OF status ON public.payment FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION public.notify_trigger();

ALTER TABLE public.payment ADD CONSTRAINT payment_customer_id_fkey FOREIGN KEY (customer_id)
    REFERENCES public.customer(id);
ALTER TABLE public.refund ADD CONSTRAINT refund_payment_fkey FOREIGN KEY (payment_id, paid_on)
    REFERENCES public.payment(id, paid_on);

-- Triggers like the library's own: they execute a function in the schema pgnotifications, a row trigger (copied onto
-- the partitions too) and a statement trigger for TRUNCATE.
CREATE SCHEMA IF NOT EXISTS pgnotifications;
CREATE FUNCTION pgnotifications.notify_like_the_library() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NULL;
END
$$;
CREATE TRIGGER pgnotifications_change AFTER INSERT OR UPDATE OR DELETE ON public.payment
    FOR EACH ROW EXECUTE FUNCTION pgnotifications.notify_like_the_library();
CREATE TRIGGER pgnotifications_truncate AFTER TRUNCATE ON public.payment
    FOR EACH STATEMENT EXECUTE FUNCTION pgnotifications.notify_like_the_library();

-- A table created with an unquoted upper-case name, which PostgreSQL stores in lower case, and a trigger whose quoted
-- name keeps its case.
CREATE TABLE INT_CHANNEL_MESSAGE (id int);
CREATE TRIGGER INT_CHANNEL_MESSAGE_NOTIFY AFTER INSERT ON INT_CHANNEL_MESSAGE
    FOR EACH ROW EXECUTE FUNCTION notify_trigger();
CREATE TRIGGER "Int_Channel_Message_Audit" AFTER DELETE ON INT_CHANNEL_MESSAGE
    FOR EACH ROW EXECUTE FUNCTION notify_trigger();
