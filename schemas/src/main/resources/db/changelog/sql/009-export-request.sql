--liquibase formatted sql

--changeset yarnnn:009-export-request
-- The request as api-edge accepted it, kept by api-edge (which owns export_status) so an owner can retry a FAILED
-- export; the ledger (export_delivery) is export-consumer's alone and no longer keeps a copy.
create table export_request (
    export_id uuid primary key,
    request   jsonb not null
);
insert into export_request (export_id, request)
select export_id, request from export_delivery where request is not null;
alter table export_delivery drop column request;
