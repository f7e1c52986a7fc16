--liquibase formatted sql

--changeset yarnnn:010-mcp-oauth-clients
-- The OAuth clients this deployment registered itself as (RFC 7591) at the authorization servers of hosted MCP
-- servers (Notion's): one per authorization server and redirect URI, shared by every process, so a restart or a
-- second instance reuses it instead of registering again. The client secret, where the server issued one, is
-- sealed by the token vault like the connections' tokens.
create table mcp_oauth_clients (
    issuer                     text        not null,
    redirect_uri               text        not null,
    client_id                  text        not null,
    client_secret              bytea,
    token_endpoint_auth_method text        not null,
    registered_at              timestamptz not null,
    primary key (issuer, redirect_uri)
);
