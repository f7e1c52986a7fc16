/**
 * Credentials in memory ({@link com.yarnnn.export.connector.credential.Secret}). A leaf: the vault seals them, the
 * connection store keeps them, OAuth obtains them and providers hand them to their MCP servers, so it depends on
 * none of those.
 */
package com.yarnnn.export.connector.credential;
