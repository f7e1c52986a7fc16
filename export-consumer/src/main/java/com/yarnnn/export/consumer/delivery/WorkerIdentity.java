package com.yarnnn.export.consumer.delivery;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names this process in the ledger's claims: host, pid and a random part, so a restart is a new worker. */
@Component
public class WorkerIdentity {

    private final String id = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host != null ? host : "localhost";
    }
}
