--liquibase formatted sql

--changeset yarnnn:007-event-outbox
-- api-edge's transactional outbox: an event written in the same transaction as the row it announces (a QUEUED
-- export, a requeue), sent to Kafka right after the commit and deleted once Kafka acknowledged it. A row that is
-- still here after the producer's delivery timeout was not acknowledged (broker down, api-edge died) and is sent
-- again by the relay of any api-edge instance. Consumers tolerate the copies: the export id is the idempotency key.
create table event_outbox (
    id          uuid primary key,
    topic       text        not null,
    record_key  text        not null,
    payload     text        not null,
    headers     jsonb,
    created_at  timestamptz not null
);
create index event_outbox_created_at on event_outbox (created_at);
