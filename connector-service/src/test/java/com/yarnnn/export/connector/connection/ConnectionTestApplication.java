package com.yarnnn.export.connector.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.IdGenerator;

/**
 * The connector library as the deployables run it (same defaults, Liquibase changelog), on the tests' PostgreSQL
 * with a clock the tests move. No component scan: the library's beans come from its auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:pipeline-defaults.properties")
class ConnectionTestApplication {

    @Bean
    KeyRings keyRings(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, IdGenerator ids) {
        return new KeyRings(jdbc, transactionManager, clock, ids);
    }

    @Bean
    TestClock clock() {
        return new TestClock(Instant.parse("2026-11-25T12:00:00Z"));
    }

    /** A clock that stands still until a test moves it. */
    static final class TestClock extends Clock {

        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
