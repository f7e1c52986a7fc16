package com.yarnnn.export.edge.page;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web page's routes all answer its one HTML document (built from {@code api-edge/frontend}); the page reads the
 * path itself. Revalidated on every load, while its hashed scripts under {@code /assets} are cached for good.
 */
@Controller
class WebPageController {

    private final Resource document = new ClassPathResource("static/index.html");

    @GetMapping({"/", "/sign-in", "/settings/integrations", "/deliverables/{deliverableId}", "/ops"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(document);
    }
}
