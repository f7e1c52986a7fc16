package com.yarnnn.export.connector.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether the Kafka cluster answers: UP with its id and number of brokers when it describes itself within the
 * timeout, DOWN otherwise (Spring Boot has no Kafka health indicator). One admin client, made from the application's
 * {@link KafkaAdmin} settings at the first check and kept, so that a probe every few seconds costs one request
 * rather than a client's start and connections.
 */
class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    KafkaBrokerHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        // the request itself gives up after the timeout; waiting a little longer only lets it report that
        long waitMs = timeout.multipliedBy(2).toMillis();
        String clusterId = cluster.clusterId().get(waitMs, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(waitMs, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
        }
    }
}
