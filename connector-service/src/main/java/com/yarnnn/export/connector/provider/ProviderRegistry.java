package com.yarnnn.export.connector.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every registered provider, by id. */
public class ProviderRegistry {

    private final Map<String, ExportProvider> providers;

    public ProviderRegistry(Collection<ExportProvider> providers) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(
                p -> p.descriptor().id(), Function.identity()));
    }

    public List<ProviderDescriptor> available() {
        return providers.values().stream().map(ExportProvider::descriptor)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public Collection<String> ids() {
        return providers.keySet();
    }

    public Optional<ExportProvider> find(String providerId) {
        return Optional.ofNullable(providerId).map(providers::get);
    }

    public ExportProvider require(String providerId) {
        return find(providerId).orElseThrow(() -> new UnknownProviderException(providerId));
    }
}
