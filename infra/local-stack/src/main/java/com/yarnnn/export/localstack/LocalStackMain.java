package com.yarnnn.export.localstack;

import com.yarnnn.export.infra.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one command of the README: starts Kafka and PostgreSQL (embedded unless the environment names real ones),
 * installs the MCP servers if needed, runs export-consumer and api-edge in dev mode, saves the sample
 * deliverable's export preferences, and prints requests to try.
 */
public final class LocalStackMain {

    private static final UUID DEV_USER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        Path serversDir = Path.of(env("YARNNN_MCP_DIR", "infra/mcp-servers")).toAbsolutePath().normalize();
        Path exportDir = Path.of(env("YARNNN_EXPORT_DIR", "exports")).toAbsolutePath().normalize();
        String secret = env("YARNNN_JWT_SECRET", DevTokens.randomSecret());
        boolean randomVaultKey = env("YARNNN_VAULT_KEYS", "").isEmpty();
        McpServersInstaller.ensureInstalled(serversDir);

        Infrastructure infrastructure = Infrastructure.startLocal(System::getenv);
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties());
        properties.put("yarnnn.auth.jwt-secret", secret);
        if (randomVaultKey) {
            properties.put("yarnnn.vault.keys", DevVaultKeys.random());
        }
        properties.put("yarnnn.mcp.servers-dir", serversDir.toString());
        properties.put("yarnnn.providers.folder.root", exportDir.toString());
        properties.put("server.port", env("PORT", "8080"));
        properties.put(LocalStack.CONSUMER_PORT, env("CONSUMER_PORT", "8081"));
        properties.put("spring.main.banner-mode", "off");
        properties.put("yarnnn.dev.enabled", "true");
        LocalStack stack = LocalStack.start(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            infrastructure.close();
        }, "local-stack-shutdown"));

        String token = DevTokens.mint(secret, DEV_USER, Duration.ofHours(12));
        DemoDeliverable.savePreferences(stack.baseUrl(), token);
        System.out.println(banner(stack.baseUrl(), stack.consumerUrl(), infrastructure, exportDir, randomVaultKey,
                token));
    }

    private static String banner(String url, String consumerUrl, Infrastructure infrastructure, Path exportDir,
            boolean randomVaultKey, String token) {
        return """

                ==================================================================================
                 YARNNN export pipeline is running at %s
                   Kafka:      %s
                   PostgreSQL: %s
                   Metrics:    %s/actuator/prometheus (api-edge), %s/actuator/prometheus (export-consumer)
                   Folder exports land in %s
                   Token vault: %s

                 Export a sample deliverable (token valid 12 h for dev user %s):

                 export TOKEN=%s
                 curl -s -X POST %s/api/integrations/export \\
                   -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                   -d '{"provider_id":"folder","destination_id":"reports","title":"Weekly report",
                        "deliverable_version_id":"%s",
                        "content":"## Highlights\\n\\n- Revenue **up 12%%**\\n- Churn down\\n"}'

                 Then follow its status_url:  curl -s -H "Authorization: Bearer $TOKEN" %s/api/exports/<export_id>

                 Approve a version of the sample deliverable (auto-exports to %s):

                 %s

                 Stop with Ctrl-C.
                ==================================================================================
                """.formatted(url, infrastructure.kafka().description(), infrastructure.database().description(),
                url, consumerUrl, exportDir, randomVaultKey
                        ? "a random key for this run: connections made now do not survive a restart "
                                + "(set YARNNN_VAULT_KEYS to keep them)"
                        : "keys from YARNNN_VAULT_KEYS",
                DEV_USER, token, url, UUID.randomUUID(), url,
                String.join(" and ", DemoDeliverable.AUTO_EXPORT_FOLDERS), DemoDeliverable.approveCommand(url));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }
}
