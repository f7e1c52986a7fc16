--liquibase formatted sql

--changeset yarnnn:006-deliverable-owners
-- Who owns a deliverable, as far as the pipeline has seen: written by approval events (the product's word,
-- which wins) and by the first export or preference that names the deliverable. Another user is told 404.
create table deliverable_owners (
    deliverable_id uuid primary key,
    user_id        uuid        not null,
    recorded_at    timestamptz not null default now()
);

--changeset yarnnn:006-export-status-destination-name
-- The destination as the user saw it when choosing it (a channel or page name), shown in the history.
alter table export_status add column destination_name text;

--changeset yarnnn:006-export-status-history
-- The history's filters by deliverable and by version, each newest first like the user's whole list.
create index export_status_user_deliverable on export_status (user_id, deliverable_id, created_at desc, export_id desc);
create index export_status_user_version on export_status (user_id, deliverable_version_id, created_at desc, export_id desc);
