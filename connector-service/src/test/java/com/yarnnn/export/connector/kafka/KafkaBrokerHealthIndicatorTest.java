package com.yarnnn.export.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.infra.Infrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health contributor against a running broker and against an address nobody answers on. */
class KafkaBrokerHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void isUpWithTheClusterWhileTheBrokerAnswers() {
        KafkaBrokerHealthIndicator indicator = indicator(Infrastructure.forTests().kafka().bootstrapServers());
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId");
            assertThat((Integer) health.getDetails().get("brokers")).isPositive();
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void isDownSoonWhenNoBrokerAnswers() throws IOException {
        KafkaBrokerHealthIndicator indicator = indicator("127.0.0.1:" + closedPort());
        try {
            Instant asked = Instant.now();
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.between(asked, Instant.now())).as("a probe waits for this answer")
                    .isLessThan(TIMEOUT.multipliedBy(3));
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaBrokerHealthIndicator indicator(String bootstrapServers) {
        return new KafkaBrokerHealthIndicator(
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), TIMEOUT);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
