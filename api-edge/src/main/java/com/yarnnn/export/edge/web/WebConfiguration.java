package com.yarnnn.export.edge.web;

import com.yarnnn.export.edge.export.ExportProperties;
import com.yarnnn.export.edge.security.UserIdArgumentResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API's request guards and the {@code UserId} controller parameter. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final ExportProperties exports;

    WebConfiguration(ExportProperties exports) {
        this.exports = exports;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestBodyLimitInterceptor(exports.maxRequestBytes())).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new UserIdArgumentResolver());
    }
}
