package com.yarnnn.export.deploy;

import static com.yarnnn.export.deploy.PipelineFacts.defaultOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.yarnnn.export.connector.kafka.PipelineKafkaProperties;
import com.yarnnn.export.connector.kafka.PipelineTopics;
import com.yarnnn.export.schemas.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Compares infra/deploy with the code: every topic the deployables declare, with their partitions, largest record,
 * in-sync replicas and retention;
 * KEDA's consumer groups and topics; ports, probe paths and health groups; the drain against the grace period;
 * environment variable names (Kubernetes and compose) against what the deployables read and the docs name. Answers
 * the differences, one sentence each; none when the manifests match.
 */
final class ManifestCheck {

    private static final String API_EDGE = "api-edge";
    private static final String EXPORT_CONSUMER = "export-consumer";
    private static final String HEALTH = "/actuator/health/";
    /** KEDA's ScaledObject spec and its Kafka scaler's settings (keda.sh/docs, scalers/apache-kafka). */
    private static final Set<String> SCALED_OBJECT_FIELDS = Set.of("scaleTargetRef", "pollingInterval",
            "cooldownPeriod", "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount",
            "fallback", "advanced", "triggers");
    private static final Set<String> KAFKA_SCALER_FIELDS = Set.of("bootstrapServers", "bootstrapServersFromEnv",
            "consumerGroup", "consumerGroupFromEnv", "topic", "topicFromEnv", "lagThreshold", "activationLagThreshold",
            "offsetResetPolicy", "allowIdleConsumers", "excludePersistentLag", "scaleToZeroOnInvalidOffset",
            "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions", "partitionLimitation", "version", "sasl",
            "tls", "unsafeSsl");

    private final PipelineFacts facts;
    private final List<String> problems = new ArrayList<>();

    private ManifestCheck(PipelineFacts facts) {
        this.facts = facts;
    }

    /** @param deploy a copy of infra/deploy (kubernetes/, compose/) */
    static List<String> problems(Path deploy, PipelineFacts facts) {
        ManifestCheck check = new ManifestCheck(facts);
        Manifests base = Manifests.under(deploy.resolve("kubernetes/base"));
        Map<String, String> config = base.named(ConfigMap.class, "yarnnn-config").map(ConfigMap::getData)
                .orElseGet(Map::of);
        check.topics(base, config);
        check.deployable(base, API_EDGE, facts.apiEdge(), config);
        check.deployable(base, EXPORT_CONSUMER, facts.exportConsumer(), config);
        check.scaler(base, config);
        check.variables("kubernetes/base ConfigMap yarnnn-config", config.keySet());
        check.secretLayout(deploy.resolve("kubernetes/overlays/example/secrets"));
        check.overlayConfig(deploy.resolve("kubernetes/overlays/example/kustomization.yaml"));
        check.compose(StrictYaml.documents(deploy.resolve("compose/compose.yaml")).get(0));
        return List.copyOf(check.problems);
    }

    private void topics(Manifests manifests, Map<String, String> config) {
        Map<String, KafkaTopic> declared = new LinkedHashMap<>();
        manifests.all(KafkaTopic.class).forEach(topic -> declared.put(topic.getSpec().getTopicName(), topic));
        Set<String> expected = facts.topics();
        missingAndExtra("KafkaTopic", expected, declared.keySet());
        int partitions = Integer.parseInt(config.getOrDefault(PipelineFacts.relaxedVariable("yarnnn.kafka.partitions"),
                String.valueOf(facts.kafka().partitions())));
        int replicas = Integer.parseInt(config.getOrDefault(
                PipelineFacts.relaxedVariable("yarnnn.kafka.replication-factor"),
                String.valueOf(facts.kafka().replicationFactor())));
        String minInsync = config.get(PipelineFacts.relaxedVariable("yarnnn.kafka.min-insync-replicas"));
        PipelineTopics specifications = new PipelineTopics(new PipelineKafkaProperties(partitions, null,
                (short) replicas, minInsync != null ? Integer.valueOf(minInsync) : null, null, null, null, null));
        declared.forEach((name, topic) -> {
            if (topic.getSpec().getPartitions() != partitions) {
                problems.add("KafkaTopic " + name + " has " + topic.getSpec().getPartitions()
                        + " partitions; the deployables create it with " + partitions);
            }
            if (topic.getSpec().getReplicas() != replicas) {
                problems.add("KafkaTopic " + name + " has " + topic.getSpec().getReplicas()
                        + " replicas; the deployables create it with " + replicas);
            }
            NewTopic created = facts.deadLetterTopics().contains(name) ? specifications.sharedDeadLetter(name)
                    : specifications.shared(name);
            for (String setting : List.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, TopicConfig.RETENTION_MS_CONFIG)) {
                Object value = topic.getSpec().getConfig().get(setting);
                if (!created.configs().get(setting).equals(String.valueOf(value))) {
                    problems.add("KafkaTopic " + name + " has " + setting + " " + value + "; the deployables create it "
                            + "with " + created.configs().get(setting));
                }
            }
            Object maxBytes = topic.getSpec().getConfig().get("max.message.bytes");
            if (!String.valueOf(facts.kafka().maxMessageBytes()).equals(String.valueOf(maxBytes))) {
                problems.add("KafkaTopic " + name + " takes records of " + maxBytes + " bytes; the deployables send up to "
                        + facts.kafka().maxMessageBytes());
            }
        });
    }

    private void deployable(Manifests manifests, String name, Properties properties, Map<String, String> config) {
        Deployment deployment = manifests.named(Deployment.class, name).orElse(null);
        if (deployment == null) {
            problems.add("no Deployment " + name);
            return;
        }
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Map<String, String> env = new HashMap<>(config);
        container.getEnv().forEach(variable -> env.put(variable.getName(), variable.getValue()));
        variables("Deployment " + name, container.getEnv().stream().map(EnvVar::getName).toList());

        Map<String, Integer> ports = container.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        int serverPort = Integer.parseInt(env.getOrDefault(PipelineFacts.variableOf(properties, "server.port"),
                defaultOf(properties, "server.port")));
        String managementVariable = PipelineFacts.variableOf(properties, "management.server.port");
        int managementPort = env.containsKey(managementVariable) ? Integer.parseInt(env.get(managementVariable)) : serverPort;
        if (!ports.containsValue(serverPort)) {
            problems.add("Deployment " + name + " declares ports " + ports + "; it listens on " + serverPort);
        }
        if (!Objects.equals(ports.get("management"), managementPort)) {
            problems.add("Deployment " + name + "'s port management is " + ports.get("management")
                    + "; its actuator answers on " + managementPort);
        }
        probe(name, "readiness", container.getReadinessProbe(), properties);
        probe(name, "liveness", container.getLivenessProbe(), properties);
        probe(name, "liveness", container.getStartupProbe(), properties);

        Duration drain = Duration.parse("PT" + properties.getProperty("spring.lifecycle.timeout-per-shutdown-phase",
                "30s").toUpperCase());
        long preStop = Optional.ofNullable(container.getLifecycle()).map(Lifecycle::getPreStop).map(LifecycleHandler::getExec)
                .map(ExecAction::getCommand).orElseGet(List::of).stream().filter(word -> word.matches("\\d+"))
                .mapToLong(Long::parseLong).sum();
        if (pod.getTerminationGracePeriodSeconds() == null
                || pod.getTerminationGracePeriodSeconds() <= drain.toSeconds() + preStop) {
            problems.add("Deployment " + name + " is killed after " + pod.getTerminationGracePeriodSeconds()
                    + " s; its pause before stopping and its shutdown take up to " + (drain.toSeconds() + preStop) + " s");
        }
        if (!Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
                || !Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem())) {
            problems.add("Deployment " + name + " must run as non-root on a read-only root file system");
        }
        Service service = manifests.named(Service.class, name).orElse(null);
        if (service == null || service.getSpec().getPorts().stream().map(ServicePort::getTargetPort)
                .anyMatch(target -> !ports.containsKey(target.getStrVal()))) {
            problems.add("Service " + name + " must target the Deployment's named ports " + ports.keySet());
        }
        if (manifests.named(PodDisruptionBudget.class, name).isEmpty()) {
            problems.add("no PodDisruptionBudget " + name);
        }
    }

    /** The probe asks for a health group the deployable defines, on the port its actuator answers. */
    private void probe(String deployable, String group, Probe probe, Properties properties) {
        String path = probe == null ? null : probe.getHttpGet().getPath();
        boolean defined = properties.stringPropertyNames().contains("management.endpoint.health.group." + group + ".include")
                && "true".equals(properties.getProperty("management.endpoint.health.probes.enabled"));
        if (!defined || !(HEALTH + group).equals(path)) {
            problems.add("Deployment " + deployable + " probes " + path + "; its " + group + " group is at "
                    + HEALTH + group + (defined ? "" : ", which its properties do not define"));
        } else if (!"management".equals(probe.getHttpGet().getPort().getStrVal())) {
            problems.add("Deployment " + deployable + " probes " + path + " on " + probe.getHttpGet().getPort()
                    + ", not on its actuator's port (management)");
        }
    }

    private void scaler(Manifests manifests, Map<String, String> config) {
        List<GenericKubernetesResource> scalers = manifests.kind("ScaledObject");
        if (scalers.size() != 1) {
            problems.add("expected one KEDA ScaledObject, found " + scalers.size());
            return;
        }
        GenericKubernetesResource scaler = scalers.get(0);
        Map<String, Object> spec = scaler.get("spec");
        spec.keySet().stream().filter(field -> !SCALED_OBJECT_FIELDS.contains(field))
                .forEach(field -> problems.add("ScaledObject has no field spec." + field));
        Map<String, String> triggers = new LinkedHashMap<>();
        for (Map<String, Object> trigger : scaler.<List<Map<String, Object>>>get("spec", "triggers")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            if (!"kafka".equals(trigger.get("type"))) {
                problems.add("ScaledObject trigger of type " + trigger.get("type") + ", expected kafka");
                continue;
            }
            metadata.keySet().stream().filter(field -> !KAFKA_SCALER_FIELDS.contains(field))
                    .forEach(field -> problems.add("KEDA's kafka trigger has no setting " + field));
            triggers.put(String.valueOf(metadata.get("consumerGroup")), String.valueOf(metadata.get("topic")));
            if (!config.containsKey(String.valueOf(metadata.get("bootstrapServersFromEnv")))) {
                problems.add("ScaledObject reads the brokers from " + metadata.get("bootstrapServersFromEnv")
                        + ", which the ConfigMap does not set");
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        facts.providers().forEach(provider -> expected.put(Topics.workerGroup(provider), Topics.requested(provider)));
        missingAndExtra("ScaledObject consumer group", expected.keySet(), triggers.keySet());
        expected.forEach((group, topic) -> {
            if (triggers.containsKey(group) && !topic.equals(triggers.get(group))) {
                problems.add("ScaledObject reads group " + group + " on " + triggers.get(group) + "; it consumes " + topic);
            }
        });
        if (!EXPORT_CONSUMER.equals(scaler.get("spec", "scaleTargetRef", "name"))) {
            problems.add("ScaledObject scales " + scaler.get("spec", "scaleTargetRef", "name") + ", not " + EXPORT_CONSUMER);
        }
        int partitions = Integer.parseInt(config.getOrDefault(PipelineFacts.relaxedVariable("yarnnn.kafka.partitions"),
                String.valueOf(facts.kafka().partitions())));
        int max = ((Number) scaler.get("spec", "maxReplicaCount")).intValue();
        if (max * facts.concurrency() > partitions) {
            problems.add("ScaledObject allows " + max + " instances of " + facts.concurrency() + " consumers per group: more than "
                    + partitions + " partitions, some would stay idle");
        }
    }

    /** The overlay's Secret files: what goes where, every name one the deployables read. */
    private void secretLayout(Path secrets) {
        Map<String, Set<String>> expected = Map.of(
                "shared.env", Set.of("DATABASE_PASSWORD", "YARNNN_VAULT_KEYS"),
                "api-edge.env", Set.of("YARNNN_JWT_SECRET"),
                "oauth-clients.env", Set.of("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"));
        expected.forEach((file, required) -> {
            Set<String> keys = envFileKeys(secrets.resolve(file));
            variables("Secret file " + file, keys);
            required.stream().filter(key -> !keys.contains(key))
                    .forEach(key -> problems.add("Secret file " + file + " lacks " + key));
        });
    }

    /** The variables an overlay's configMapGenerator adds to yarnnn-config. */
    private void overlayConfig(Path kustomization) {
        for (JsonNode generator : StrictYaml.documents(kustomization).get(0).path("configMapGenerator")) {
            List<String> names = new ArrayList<>();
            generator.path("literals").forEach(literal -> names.add(literal.asText().split("=", 2)[0]));
            variables(kustomization.getParent().getFileName() + " ConfigMap " + generator.path("name").asText(), names);
        }
    }

    private void compose(JsonNode compose) {
        for (String service : List.of(API_EDGE, EXPORT_CONSUMER)) {
            JsonNode definition = compose.path("services").path(service);
            Set<String> names = new TreeSet<>();
            definition.path("environment").fieldNames().forEachRemaining(names::add);
            variables("compose service " + service, names);
            if (!definition.path("read_only").asBoolean()) {
                problems.add("compose service " + service + " must have a read-only root file system");
            }
        }
        Duration drain = Duration.parse("PT" + facts.exportConsumer()
                .getProperty("spring.lifecycle.timeout-per-shutdown-phase").toUpperCase());
        String grace = compose.path("services").path(EXPORT_CONSUMER).path("stop_grace_period").asText("10s");
        if (Duration.parse("PT" + grace.toUpperCase()).compareTo(drain) <= 0) {
            problems.add("compose stops export-consumer after " + grace + "; its drain takes up to " + drain.toSeconds() + " s");
        }
    }

    private void variables(String where, Collection<String> names) {
        names.stream().filter(name -> !facts.readsVariable(name)).forEach(name -> problems.add(where + " sets " + name
                + ", which neither the README's Configuration table nor docs/configuration.md names as read"));
    }

    private void missingAndExtra(String what, Set<String> expected, Set<String> declared) {
        expected.stream().filter(name -> !declared.contains(name))
                .forEach(name -> problems.add(what + " " + name + " is missing"));
        declared.stream().filter(name -> !expected.contains(name))
                .forEach(name -> problems.add(what + " " + name + " is not one the code declares"));
    }

    private static Set<String> envFileKeys(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
