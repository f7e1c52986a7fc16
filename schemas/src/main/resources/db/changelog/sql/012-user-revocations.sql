--liquibase formatted sql

--changeset yarnnn:012-user-revocations
-- Users whose access an operator revoked: every api-edge instance refuses their bearer tokens issued at or before
-- revoked_at (a token signed in again afterwards works). One row per user; a second revocation moves the time on.
create table user_revocations (
    user_id    uuid        primary key,
    revoked_at timestamptz not null
);
