package com.yarnnn.export.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A deployable's executable jar laid out the way Spring Boot documents for efficient deployments: extracted (classes
 * loaded from plain jars rather than nested ones) and started with a class data sharing archive that one training run
 * recorded, stopping as soon as its context was refreshed. A test that starts a deployable a dozen times spends most
 * of its time starting JVMs on a small shared machine; this layout roughly halves a start's CPU. The training run
 * needs neither Kafka nor the database (nothing reaches them before the context is refreshed when Liquibase and topic
 * creation are off), so it can run while those start.
 */
final class ExtractedJar {

    private final Path executableJar;
    private final Path extracted;
    private final Path archive;

    ExtractedJar(Path executableJar, Path work, String name) {
        this.executableJar = executableJar;
        this.extracted = work.resolve(name);
        this.archive = work.resolve(name + ".jsa");
    }

    /**
     * Extracts the jar and records its archive.
     *
     * @param settings what the application needs to refresh its context (secrets, folders), as {@code --key=value}
     */
    void prepare(Map<String, Object> settings, Path logs, String name) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        run(List.of(java(), "-Djarmode=tools", "-jar", executableJar.toString(), "extract",
                "--destination", extracted.toString(), "--force"), logs.resolve(name + "-extract.log"));
        List<String> training = new ArrayList<>(List.of(java()));
        training.addAll(jvmOptions());
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-jar", application().toString(), "--spring.liquibase.enabled=false",
                "--spring.kafka.admin.auto-create=false"));
        settings.forEach((key, value) -> training.add("--" + key + "=" + value));
        run(training, logs.resolve(name + "-cds-training.log"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No CDS archive was recorded for " + name + "; see its training log");
        }
    }

    /** {@code java <options> -jar <extracted jar>}, to which the application's arguments are added. */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", application().toString()));
        return command;
    }

    private Path application() {
        return extracted.resolve(executableJar.getFileName());
    }

    /** C1 only and one GC thread: these JVMs start often on a small machine, and start-up is what they spend CPU on. */
    private static List<String> jvmOptions() {
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        Process step = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!step.waitFor(5, TimeUnit.MINUTES)) {
            step.destroyForcibly().waitFor();
            throw new IllegalStateException("Did not end within 5 minutes; see " + output);
        }
        if (step.exitValue() != 0) {
            throw new IllegalStateException("Exited with " + step.exitValue() + "; see " + output);
        }
    }
}
