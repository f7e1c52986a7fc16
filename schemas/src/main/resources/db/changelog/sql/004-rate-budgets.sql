--liquibase formatted sql

--changeset yarnnn:004-rate-budgets
-- Token buckets shared by every export-consumer instance: one row per budget key (a Slack channel, a Notion
-- connection, a Gmail user), refilled lazily from refilled_at; blocked_until is set by a provider's "slow down".
create table rate_budget (
    budget_key    text primary key,
    tokens        double precision not null,
    refilled_at   timestamptz      not null,
    blocked_until timestamptz
);
