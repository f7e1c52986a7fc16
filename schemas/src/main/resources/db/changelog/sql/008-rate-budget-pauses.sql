--liquibase formatted sql

--changeset yarnnn:008-rate-budget-pauses
-- A provider's "slow down" is scoped: parent_key names the wider budget a key belongs to (a channel's workspace), so a
-- second channel limited while another still waits pauses the workspace; paused_for_ms is the last pause's length, so
-- a key limited again right after its pause waits twice as long.
alter table rate_budget add column parent_key text;
alter table rate_budget add column paused_for_ms bigint;
create index rate_budget_parent on rate_budget (parent_key) where parent_key is not null;
