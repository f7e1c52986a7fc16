package com.yarnnn.export.infra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at {@link Infrastructure#forTests()}: use with
 * {@code @ContextConfiguration(initializers = TestInfrastructureInitializer.class)}.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test-infrastructure", Infrastructure.forTests().springProperties()));
    }
}
