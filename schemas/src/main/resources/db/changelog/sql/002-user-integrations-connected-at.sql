--liquibase formatted sql

--changeset yarnnn:002-user-integrations-connected-at
-- When the account was last connected: a reconnect keeps the row (and its id) but moves this, so the latest
-- connection of a provider is the one the user acted on last; created_at stays the first connection.
alter table user_integrations add column connected_at timestamptz not null default now();
create index user_integrations_latest on user_integrations (user_id, provider, connected_at desc);
