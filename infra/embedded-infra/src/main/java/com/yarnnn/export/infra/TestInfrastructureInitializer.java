package com.yarnnn.export.infra;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at {@link Infrastructure#forTests()}: use with
 * {@code @ContextConfiguration(initializers = TestInfrastructureInitializer.class)}. Also gives the token vault a
 * fixed key ring, which a test can override with its own {@code yarnnn.vault.*} properties.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A key ring for tests only (key {@code test-1}: the bytes 0 to 31); never for real tokens. */
    public static final String TEST_VAULT_KEYS = "test-1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test-infrastructure", Infrastructure.forTests().springProperties()));
        context.getEnvironment().getPropertySources().addLast(
                new MapPropertySource("test-vault-keys", Map.of("yarnnn.vault.keys", TEST_VAULT_KEYS)));
    }
}
