package com.yarnnn.export.edge.oauth;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/** Where the browser goes after an OAuth callback: the integrations settings page, told what happened. */
record SettingsPage(URI url) {

    URI connected(String providerId) {
        return UriComponentsBuilder.fromUri(url).queryParam("connected", providerId).build().encode().toUri();
    }

    /** @param message shown to the user as is: never a token, a code or the vendor's free text */
    URI failed(String error, String message) {
        return UriComponentsBuilder.fromUri(url).queryParam("error", error).queryParam("message", message)
                .build().encode().toUri();
    }
}
