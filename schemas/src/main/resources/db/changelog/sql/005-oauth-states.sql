--liquibase formatted sql

--changeset yarnnn:005-oauth-states
-- One row per OAuth authorization a user started. The callback's signed state must name an unused, unexpired
-- row of the same user and provider, and uses it up. The PKCE verifier is not stored: it is derived from the
-- state id with the server's key, so this table holds nothing that redeems an authorization code.
create table oauth_states (
    id         uuid primary key,
    user_id    uuid        not null,
    provider   text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index oauth_states_expires on oauth_states (expires_at);
