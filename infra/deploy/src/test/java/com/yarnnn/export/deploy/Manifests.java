package com.yarnnn.export.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of a folder of manifests (kustomization files aside), each read strictly into its model
 * class: fabric8's for Kubernetes and the Prometheus Operator, Strimzi's for {@code KafkaTopic}. KEDA publishes no
 * Java model: a {@code ScaledObject} is read as a generic resource and its fields checked by {@link ManifestCheck}.
 */
record Manifests(List<HasMetadata> objects) {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "Namespace", Namespace.class,
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "Deployment", Deployment.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "KafkaTopic", KafkaTopic.class,
            "PrometheusRule", PrometheusRule.class,
            "PodMonitor", PodMonitor.class);
    private static final Map<String, String> GENERIC = Map.of("ScaledObject", "keda.sh/v1alpha1");

    static Manifests under(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<HasMetadata> objects = new ArrayList<>();
            files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .forEach(file -> StrictYaml.documents(file)
                            .forEach(document -> objects.add(read(document, folder.relativize(file).toString()))));
            return new Manifests(List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests of(Path file) {
        return new Manifests(StrictYaml.documents(file).stream().map(document -> read(document, file.toString()))
                .toList());
    }

    private static HasMetadata read(JsonNode document, String file) {
        String kind = document.path("kind").asText();
        String apiVersion = document.path("apiVersion").asText();
        String where = file + " (" + kind + " " + document.path("metadata").path("name").asText() + ")";
        if (GENERIC.containsKey(kind)) {
            if (!GENERIC.get(kind).equals(apiVersion)) {
                throw new IllegalArgumentException(where + ": apiVersion " + apiVersion + ", expected " + GENERIC.get(kind));
            }
            return StrictYaml.readWithoutModel(document, GenericKubernetesResource.class);
        }
        Class<? extends HasMetadata> model = MODELS.get(kind);
        if (model == null) {
            throw new IllegalArgumentException(where + ": no model for kind " + kind);
        }
        if (!HasMetadata.getApiVersion(model).equals(apiVersion)) {
            throw new IllegalArgumentException(where + ": apiVersion " + apiVersion + ", expected "
                    + HasMetadata.getApiVersion(model));
        }
        return StrictYaml.read(document, model, where);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    List<GenericKubernetesResource> kind(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(object -> object.getKind().equals(kind)).toList();
    }
}
