package com.yarnnn.export.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code POST /api/integrations/export} to api-edge, either at a fixed rate (open loop: requests leave on
 * schedule whatever the answers) or with a fixed number of exports in flight (closed loop), and collects the accepted
 * export ids and how long each accepted call took to answer. A closed loop can also send through other
 * {@link Sender}s, one per sender thread (the MCP route's sessions).
 */
final class LoadDriver {

    /**
     * What a run sent: accepted export ids, answers by status code, how long sending took, and each accepted call's
     * time to its answer (ms).
     */
    record Sent(List<UUID> accepted, Map<Integer, Integer> answers, double sendSeconds, boolean stoppedByGuard,
            List<Double> callMillis) {

        double acceptedPerSecond() {
            return accepted.size() / sendSeconds;
        }
    }

    /** The answer to one export request: its HTTP status ({@code 202} accepted, -1 none) and the accepted export. */
    record Answer(int status, UUID exportId) {

        static final Answer NONE = new Answer(-1, null);
    }

    /** One way of asking api-edge for export {@code n}. */
    @FunctionalInterface
    interface Sender {
        Answer send(ExportCall call, int n);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT = "## Highlights\n\n" + "- Revenue **up 12%** in the _north_ region\n".repeat(12)
            + "\n| team | done |\n|---|---|\n| a | 3 |\n| b | 5 |\n\n" + "Some closing **markdown** text.\n".repeat(12);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI exportUri;

    LoadDriver(String baseUrl) {
        this.exportUri = URI.create(baseUrl + "/api/integrations/export");
    }

    /** The deliverable every export carries (~1.3 KB of markdown), so the raw baseline writes the same bytes. */
    static String content() {
        return CONTENT;
    }

    /** {@code rate} requests per second for {@code seconds}; {@code stop} ends sending early (the memory guard). */
    Sent openLoop(double rate, int seconds, IntFunction<ExportCall> calls, BooleanSupplier stop) {
        int total = (int) Math.round(rate * seconds);
        ExecutorService senders = Executors.newFixedThreadPool(64, new CustomizableThreadFactory("bench-sender-"));
        Collector collector = new Collector();
        long start = System.nanoTime();
        boolean stopped = false;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            ExportCall call = calls.apply(i);
            int n = i;
            senders.execute(() -> collector.send(this::post, call, n));
        }
        await(senders);
        return collector.sent((System.nanoTime() - start) / 1e9, stopped);
    }

    /**
     * {@code concurrency} exports in flight end to end at all times, for {@code seconds}: each sender waits until the
     * export it queued has ended ({@code ended}) before it sends the next.
     */
    Sent closedLoop(int concurrency, int seconds, IntFunction<ExportCall> calls,
            Function<UUID, CompletableFuture<Void>> ended) {
        return closedLoop(Collections.nCopies(concurrency, (Sender) this::post), seconds, calls, ended);
    }

    /** The same with one sender thread per element of {@code senders}, each sending through its own. */
    Sent closedLoop(List<? extends Sender> senders, int seconds, IntFunction<ExportCall> calls,
            Function<UUID, CompletableFuture<Void>> ended) {
        ExecutorService threads = Executors.newFixedThreadPool(senders.size(),
                new CustomizableThreadFactory("bench-sender-"));
        Collector collector = new Collector();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (Sender sender : senders) {
            threads.execute(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    collector.send(sender, calls.apply(n), n)
                            .ifPresent(id -> ended.apply(id).orTimeout(60, TimeUnit.SECONDS).join());
                }
            });
        }
        await(threads);
        return collector.sent((System.nanoTime() - start) / 1e9, false);
    }

    /** {@code POST /api/integrations/export} of export {@code n}. */
    Answer post(ExportCall call, int n) {
        HttpRequest request = HttpRequest.newBuilder(exportUri)
                .header("Authorization", "Bearer " + call.token())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields(call, n, "provider_id"))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            UUID id = response.statusCode() == 202
                    ? UUID.fromString(JSON.readTree(response.body()).get("export_id").asString()) : null;
            return new Answer(response.statusCode(), id);
        } catch (IOException e) {
            return Answer.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NONE;
        }
    }

    /**
     * Export {@code n}'s fields, the provider's under {@code providerKey} ({@code provider_id} in the HTTP API,
     * {@code provider} in the MCP tool): the same deliverable every time, a fresh version id.
     */
    static Map<String, Object> fields(ExportCall call, int n, String providerKey) {
        return Map.of(providerKey, call.provider(), "destination_id", call.destination(), "title", "Bench export " + n,
                "content", CONTENT, "deliverable_version_id", UUID.randomUUID().toString());
    }

    private final class Collector {

        private final ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
        private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Double> callMillis = new ConcurrentLinkedQueue<>();

        Optional<UUID> send(Sender sender, ExportCall call, int n) {
            long began = System.nanoTime();
            Answer answer = sender.send(call, n);
            double millis = (System.nanoTime() - began) / 1e6;
            answers.merge(answer.status(), 1, Integer::sum);
            if (answer.exportId() == null) {
                return Optional.empty();
            }
            callMillis.add(millis);
            accepted.add(answer.exportId());
            return Optional.of(answer.exportId());
        }

        Sent sent(double seconds, boolean stopped) {
            return new Sent(List.copyOf(accepted), Map.copyOf(answers), seconds, stopped, List.copyOf(callMillis));
        }
    }

    private static void await(ExecutorService senders) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Requests still unanswered after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        }
    }
}
