package com.yarnnn.export.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-process single-node KRaft broker. */
final class EmbeddedKafka implements KafkaEndpoint {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // exports carry up to 1 MiB of markdown plus the envelope
        broker.brokerProperty("message.max.bytes", String.valueOf(4 * 1024 * 1024));
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return new EmbeddedKafka(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String description() {
        return "embedded Kafka (KRaft, in-process) at " + bootstrapServers();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
