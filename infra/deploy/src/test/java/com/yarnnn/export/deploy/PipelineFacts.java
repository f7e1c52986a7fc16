package com.yarnnn.export.deploy;

import com.yarnnn.export.connector.kafka.PipelineKafkaProperties;
import com.yarnnn.export.connector.provider.folder.FolderExportProvider;
import com.yarnnn.export.connector.provider.gmail.GmailExportProvider;
import com.yarnnn.export.connector.provider.notion.NotionExportProvider;
import com.yarnnn.export.connector.provider.slack.SlackExportProvider;
import com.yarnnn.export.consumer.delivery.DeliveryProperties;
import com.yarnnn.export.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the manifests must agree with, read from the code and the documentation: topic and group names ({@link Topics}),
 * the providers every deployment registers, the deployables' defaults (their configuration records and properties
 * files), and the environment variables the README's and docs/configuration.md's tables name.
 */
record PipelineFacts(Path root, List<String> providers, int retrySteps, int concurrency,
        PipelineKafkaProperties kafka, Properties apiEdge, Properties exportConsumer,
        Set<String> documentedVariables, Set<String> boundVariables) {

    /** Variables of the JVM rather than the application. */
    static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static PipelineFacts load() {
        Path root = repositoryRoot();
        Path defaults = root.resolve("connector-service/src/main/resources/pipeline-defaults.properties");
        Path edge = root.resolve("api-edge/src/main/resources/api-edge.properties");
        Path consumer = root.resolve("export-consumer/src/main/resources/export-consumer.properties");
        DeliveryProperties delivery = new DeliveryProperties(null, null, null, null, null, null);
        Path readme = root.resolve("README.md");
        Set<String> documented = new LinkedHashSet<>(tableNames(readme, "## Configuration", 1));
        Set<String> bound = new LinkedHashSet<>();
        tableNames(readme, "## Configuration", 2).stream().map(PipelineFacts::relaxedVariable).forEach(bound::add);
        tableNames(root.resolve("docs/configuration.md"), "## Properties", 1).stream()
                .filter(name -> name.matches("[a-z0-9.-]+"))
                .map(PipelineFacts::relaxedVariable)
                .forEach(variable -> {
                    documented.add(variable);
                    bound.add(variable);
                });
        for (Path file : List.of(defaults, edge, consumer)) {
            Matcher matcher = PLACEHOLDER.matcher(read(file));
            while (matcher.find()) {
                bound.add(matcher.group(1));
            }
        }
        return new PipelineFacts(root,
                List.of(FolderExportProvider.ID, SlackExportProvider.ID, NotionExportProvider.ID, GmailExportProvider.ID),
                delivery.retryDelays().size(), delivery.concurrency(),
                PipelineKafkaProperties.defaults(),
                properties(defaults, edge), properties(defaults, consumer), Set.copyOf(documented), Set.copyOf(bound));
    }

    /** Every topic the deployables declare. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(List.of(Topics.OUTCOMES, Topics.APPROVALS, Topics.APPROVALS_DEAD_LETTER));
        for (String provider : providers) {
            topics.add(Topics.requested(provider));
            for (int step = 1; step <= retrySteps; step++) {
                topics.add(Topics.retry(provider, step));
            }
            topics.add(Topics.deadLetter(provider));
            topics.add(Topics.parked(provider));
        }
        return topics;
    }

    /** The topics of events that gave up (dead letters, parked requests): kept longer, for replays. */
    Set<String> deadLetterTopics() {
        Set<String> topics = new LinkedHashSet<>(List.of(Topics.APPROVALS_DEAD_LETTER));
        for (String provider : providers) {
            topics.add(Topics.deadLetter(provider));
            topics.add(Topics.parked(provider));
        }
        return topics;
    }

    /**
     * A variable the deployables read, and documented: named in the README's table or bound to a property of
     * docs/configuration.md, and read by a properties file or bound to the property the table names.
     */
    boolean readsVariable(String name) {
        return RUNTIME_VARIABLES.contains(name) || documentedVariables.contains(name) && boundVariables.contains(name);
    }

    /** The default of a property whose value is {@code ${VARIABLE:default}}, or its plain value. */
    static String defaultOf(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no property " + key);
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        return matcher.matches() ? matcher.group(2) : value;
    }

    /** The variable a property's value reads ({@code ${VARIABLE:default}}). */
    static String variableOf(Properties properties, String key) {
        Matcher matcher = PLACEHOLDER.matcher(properties.getProperty(key, ""));
        if (!matcher.matches()) {
            throw new IllegalStateException(key + " reads no environment variable");
        }
        return matcher.group(1);
    }

    /** Spring Boot's environment variable for a property: dots to underscores, dashes dropped, upper case. */
    static String relaxedVariable(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The back-quoted names in a column (1-based) of the first table after a heading. */
    private static List<String> tableNames(Path markdown, String heading, int column) {
        List<String> lines = read(markdown).lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException(markdown + " has no heading " + heading);
        }
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                Matcher matcher = CODE.matcher(line.split("(?<!\\\\)\\|")[column]);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            } else if (inTable) {
                break;
            }
        }
        return names;
    }

    private static Properties properties(Path... files) {
        Properties merged = new Properties();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                merged.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return merged;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
