package com.yarnnn.export.edge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock and id generator, so that tests know times and ids in advance. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockAndScriptedIds {

    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    @Primary
    ScriptedIds scriptedIds() {
        return new ScriptedIds();
    }
}
