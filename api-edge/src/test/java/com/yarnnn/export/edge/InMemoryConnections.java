package com.yarnnn.export.edge;

import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Connections kept in memory (the encrypted store is tested where it lives). */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryConnections {

    @Bean
    InMemoryConnectionStore inMemoryConnectionStore(Clock clock) {
        return new InMemoryConnectionStore(clock);
    }
}
