--liquibase formatted sql

--changeset yarnnn:011-breaker-states
-- The circuit breakers of every export-consumer instance, for the operators' page in api-edge: each instance writes
-- its provider breakers and its connection breakers that are not closed, on a state change and on a heartbeat, and
-- removes the rows it no longer has. seen_at is the database's time of the last write, so a reader tells a live
-- instance from a stopped one without trusting the instances' clocks.
create table breaker_states (
    instance_id   text        not null,
    breaker       text        not null,
    provider      text        not null,
    connection_id uuid,
    state         text        not null,
    changed_at    timestamptz not null,
    seen_at       timestamptz not null,
    primary key (instance_id, breaker)
);
create index breaker_states_seen on breaker_states (seen_at);
