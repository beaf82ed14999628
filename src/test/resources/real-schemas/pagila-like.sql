--
-- PostgreSQL database dump, in pg_dump's form (after the Pagila sample's pagila-schema.sql)
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET TIME ZONE 'Pacific/Chatham';

CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');

CREATE DOMAIN public.year AS integer
    CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));

CREATE FUNCTION public.last_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.last_update = CURRENT_TIMESTAMP;
    RETURN NEW;
END $$;

CREATE TABLE public.actor (
    actor_id integer NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.film (
    film_id bigint NOT NULL,
    title text NOT NULL,
    release_year public.year,
    rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating,
    rental_rate numeric(4,2) DEFAULT 4.99 NOT NULL,
    replacement_cost numeric(38,18),
    length smallint,
    special_features text[],
    fulltext tsvector,
    poster bytea,
    extra jsonb,
    film_uuid uuid,
    premiere date,
    last_update timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.payment (
    payment_id integer NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL
)
PARTITION BY RANGE (payment_date);

CREATE TABLE public.payment_p2022_02 (
    payment_id integer NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL
);

CREATE TABLE public.payment_p2022_03 (
    payment_id integer NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2022_02 FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00');
ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2022_03 FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00');

CREATE TABLE public.int_channel_message (
    message_id character(36) NOT NULL,
    region character varying(100) NOT NULL,
    message_bytes bytea
);

CREATE VIEW public.actor_info AS
 SELECT actor_id, first_name, last_name FROM public.actor;

ALTER TABLE ONLY public.actor
    ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);

ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (payment_date, payment_id);

ALTER TABLE ONLY public.payment_p2022_02
    ADD CONSTRAINT payment_p2022_02_pkey PRIMARY KEY (payment_date, payment_id);

ALTER TABLE ONLY public.payment_p2022_03
    ADD CONSTRAINT payment_p2022_03_pkey PRIMARY KEY (payment_date, payment_id);

ALTER INDEX public.payment_pkey ATTACH PARTITION public.payment_p2022_02_pkey;

ALTER INDEX public.payment_pkey ATTACH PARTITION public.payment_p2022_03_pkey;

ALTER TABLE ONLY public.int_channel_message
    ADD CONSTRAINT int_channel_message_pk PRIMARY KEY (region, message_id);

CREATE TRIGGER last_updated BEFORE UPDATE ON public.actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();

-- Spring Integration ships its NOTIFY trigger commented out:
-- CREATE FUNCTION int_channel_message_notify_fct() ... PERFORM pg_notify('int_channel_message_notify', ...)

--
-- PostgreSQL database dump complete
--
