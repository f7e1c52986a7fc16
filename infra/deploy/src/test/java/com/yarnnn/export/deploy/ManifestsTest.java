package com.yarnnn.export.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** infra/deploy against the code: read strictly, and no name, port, path or count that differs from it. */
class ManifestsTest {

    private static final PipelineFacts FACTS = PipelineFacts.load();
    private static final Path DEPLOY = FACTS.root().resolve("infra/deploy");

    @Test
    void everyManifestReadsStrictlyIntoItsModel() {
        Manifests manifests = Manifests.under(DEPLOY.resolve("kubernetes"));

        assertThat(manifests.all(Deployment.class)).extracting(ManifestsTest::name)
                .contains("api-edge", "export-consumer");
        assertThat(manifests.all(KafkaTopic.class)).hasSameSizeAs(FACTS.topics());
        assertThat(manifests.kind("ScaledObject")).hasSize(1);
    }

    @Test
    void theManifestsMatchTheCodeAndTheDocumentation() {
        assertThat(ManifestCheck.problems(DEPLOY, FACTS)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
        "api-edge.yaml, readinessProbe:, readinesProbe:",
        "kafka-topics.yaml, 'replicas: 3', 'replica: 3'",
        "monitoring.yaml, 'podMetricsEndpoints:', 'podMetricEndpoints:'",
    })
    void aMisspeltFieldIsRefused(String file, String field, String misspelt, @TempDir Path copy) throws IOException {
        Path manifest = copy.resolve(file);
        Files.writeString(manifest, Files.readString(DEPLOY.resolve("kubernetes/base").resolve(file))
                .replace(field, misspelt));

        assertThatThrownBy(() -> Manifests.of(manifest)).hasMessageContaining(misspelt.replace(":", "").split(" ")[0]);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = ';', value = {
        "kubernetes/base/kafka-topics.yaml; exports.requested.slack.retry-3; exports.requested.slack.retry-03;"
                + " KafkaTopic exports.requested.slack.retry-3 is missing",
        "kubernetes/base/kafka-topics.yaml; 'partitions: 6'; 'partitions: 12'; has 12 partitions",
        "kubernetes/base/export-consumer-scaler.yaml; consumerGroup: export-worker.notion;"
                + " consumerGroup: export-workers.notion; ScaledObject consumer group export-worker.notion is missing",
        "kubernetes/base/export-consumer-scaler.yaml; 'maxReplicaCount: 3'; 'maxReplicaCount: 4'; some would stay idle",
        "kubernetes/base/config.yaml; YARNNN_MCP_DIR; YARNNN_MCP_SERVERS_DIR; sets YARNNN_MCP_SERVERS_DIR",
        "kubernetes/base/api-edge.yaml; path: /actuator/health/readiness; path: /actuator/health/ready;"
                + " probes /actuator/health/ready",
        "kubernetes/base/api-edge.yaml; containerPort: 9090; containerPort: 9091; port management is 9091",
        "kubernetes/base/export-consumer.yaml; terminationGracePeriodSeconds: 90; terminationGracePeriodSeconds: 30;"
                + " is killed after 30 s",
        "kubernetes/overlays/example/secrets/shared.env; YARNNN_VAULT_KEYS=; YARNNN_VAULT_KEY=; lacks YARNNN_VAULT_KEYS",
        "compose/compose.yaml; '      DATABASE_USERNAME: yarnnn'; '      DATABASE_USER: yarnnn'; sets DATABASE_USER",
        "kubernetes/overlays/example/kustomization.yaml; - DATABASE_URL=; - DATABASE_JDBC_URL=; sets DATABASE_JDBC_URL",
    })
    void aNameThatDriftsIsReported(String file, String from, String to, String problem, @TempDir Path copy)
            throws IOException {
        assertDriftIsReported(file, from, to, problem, copy);
    }

    /** The topics' settings hold double quotes, which the CSV above would take apart. */
    static Stream<Arguments> topicSettingDrifts() {
        return Stream.of(
                Arguments.of("kubernetes/base/kafka-topics.yaml", "min.insync.replicas: \"2\"",
                        "min.insync.replicas: \"1\"", "has min.insync.replicas 1; the deployables create it with 2"),
                Arguments.of("kubernetes/base/kafka-topics.yaml", "retention.ms: \"2592000000\"",
                        "retention.ms: \"604800000\"", "exports.requested.slack.parked has retention.ms 604800000;"
                                + " the deployables create it with 2592000000"),
                Arguments.of("kubernetes/base/config.yaml", "YARNNN_KAFKA_MININSYNCREPLICAS: \"2\"",
                        "YARNNN_KAFKA_MININSYNCREPLICAS: \"3\"", "has min.insync.replicas 2; the deployables create it with 3"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("topicSettingDrifts")
    void aTopicSettingThatDriftsIsReported(String file, String from, String to, String problem, @TempDir Path copy)
            throws IOException {
        assertDriftIsReported(file, from, to, problem, copy);
    }

    private static void assertDriftIsReported(String file, String from, String to, String problem, Path copy)
            throws IOException {
        copyTree(DEPLOY, copy);
        Path changed = copy.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).contains(from);
        Files.writeString(changed, text.replace(from, to));

        assertThat(ManifestCheck.problems(copy, FACTS)).anySatisfy(found -> assertThat(found).contains(problem));
    }

    @Test
    void theExampleOverlayRendersIntoObjectsThatReadStrictly(@TempDir Path out) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH: the example overlay is not rendered");
        Path rendered = out.resolve("rendered.yaml");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", DEPLOY.resolve("kubernetes/overlays/example").toString())
                .redirectOutput(rendered.toFile()).redirectError(out.resolve("errors.txt").toFile()).start();
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(Files.readString(out.resolve("errors.txt"))).isZero();

        Manifests manifests = Manifests.of(rendered);

        assertThat(manifests.objects()).extracting(object -> object.getMetadata().getNamespace())
                .filteredOn(namespace -> namespace != null).containsOnly("yarnnn");
        List<String> secrets = manifests.all(Secret.class).stream().map(ManifestsTest::name).toList();
        List<String> configMaps = manifests.all(ConfigMap.class).stream().map(ManifestsTest::name).toList();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().forEach(source -> {
                if (source.getSecretRef() != null) {
                    assertThat(secrets).contains(source.getSecretRef().getName());
                } else {
                    assertThat(configMaps).contains(source.getConfigMapRef().getName());
                }
            });
        }
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(path -> !path.startsWith(from.resolve("target"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
