package com.yarnnn.export.edge.mcp;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The API's decoder (signature, expiry, a user as subject), and a token's audience must name this resource. */
record AudienceCheckingDecoder(JwtDecoder decoder, String resource) implements JwtDecoder {

    @Override
    public Jwt decode(String token) {
        Jwt jwt = decoder.decode(token);
        List<String> audience = jwt.getAudience();
        if (audience == null || !audience.contains(resource)) {
            OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "its audience (aud claim) is not this MCP endpoint, " + resource, null);
            throw new JwtValidationException(error.getDescription(), List.of(error));
        }
        return jwt;
    }
}
