--liquibase formatted sql

--changeset yarnnn:003-export-delivery-request
-- The request as first claimed, so an owner can retry a FAILED export and an operator can requeue one.
alter table export_delivery add column request jsonb;
