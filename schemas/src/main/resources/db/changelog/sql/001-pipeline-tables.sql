--liquibase formatted sql

--changeset yarnnn:001-user-integrations
create table user_integrations (
    id                      uuid primary key,
    user_id                 uuid        not null,
    provider                text        not null,
    account_id              text,
    account_name            text,
    access_token_encrypted  bytea,
    refresh_token_encrypted bytea,
    token_expires_at        timestamptz,
    scopes                  text,
    metadata                jsonb       not null default '{}'::jsonb,
    status                  text        not null default 'active'
                                        check (status in ('active', 'needs_reauth', 'revoked')),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    last_used_at            timestamptz,
    constraint user_integrations_account unique (user_id, provider, account_id)
);
create index user_integrations_user on user_integrations (user_id, provider);

--changeset yarnnn:001-deliverable-export-preferences
create table deliverable_export_preferences (
    id               uuid primary key,
    user_id          uuid        not null,
    deliverable_id   uuid        not null,
    provider         text        not null,
    destination_id   text        not null,
    destination_name text,
    auto_export      boolean     not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint deliverable_export_preferences_destination unique (deliverable_id, provider, destination_id)
);
create index deliverable_export_preferences_user on deliverable_export_preferences (user_id, deliverable_id);

--changeset yarnnn:001-export-status
-- The status projection: one row per export, written QUEUED by api-edge and moved forward by the projector.
create table export_status (
    export_id              uuid primary key,
    user_id                uuid        not null,
    provider               text        not null,
    destination_id         text,
    deliverable_id         uuid,
    deliverable_version_id uuid,
    title                  text,
    trigger                text,
    status                 text        not null
                                       check (status in ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTERED')),
    attempt                integer     not null default 0,
    error_code             text,
    error_message          text,
    external_id            text,
    external_url           text,
    next_attempt_at        timestamptz,
    idempotency_key        text,
    request_hash           text,
    created_at             timestamptz not null,
    started_at             timestamptz,
    completed_at           timestamptz,
    updated_at             timestamptz not null,
    constraint export_status_idempotency unique (user_id, idempotency_key)
);
create index export_status_user_created on export_status (user_id, created_at desc, export_id desc);

--changeset yarnnn:001-export-log
-- Append-only history: one row per attempt outcome; the id is the outcome event's id, so a copy is dropped.
create table export_log (
    id                     uuid primary key,
    export_id              uuid        not null,
    user_id                uuid        not null,
    provider               text        not null,
    destination_id         text,
    deliverable_id         uuid,
    deliverable_version_id uuid,
    status                 text        not null,
    attempt                integer     not null,
    error_code             text,
    error_message          text,
    external_id            text,
    external_url           text,
    occurred_at            timestamptz not null,
    recorded_at            timestamptz not null default now()
);
create index export_log_export on export_log (export_id, occurred_at);
create index export_log_user on export_log (user_id, occurred_at desc);

--changeset yarnnn:001-export-delivery
-- The idempotency ledger: a worker claims the export id before calling the provider; a DONE row keeps the
-- outcome so a redelivered request re-emits it instead of delivering twice.
create table export_delivery (
    export_id        uuid primary key,
    provider         text        not null,
    state            text        not null check (state in ('CLAIMED', 'DONE')),
    worker_id        text,
    lease_expires_at timestamptz,
    claims           integer     not null default 1,
    outcome          jsonb,
    claimed_at       timestamptz not null,
    completed_at     timestamptz
);
