package com.yarnnn.export.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads a Server-Sent Events stream as a browser's fetch would: the bearer token in a header. */
public final class SseClient implements AutoCloseable {

    /** One event: its name and its data as JSON. */
    public record Event(String name, JsonNode data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    public SseClient(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            List<String> block = new ArrayList<>();
            r.body().forEach(line -> {
                if (line.isEmpty()) {
                    parse(block);
                    block.clear();
                } else {
                    block.add(line);
                }
            });
            parse(block);
            ended.complete(null);
        }).exceptionally(e -> {
            ended.completeExceptionally(e);
            return null;
        });
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** The next event, waiting up to the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        return event;
    }

    /** Whether the server ended the stream within the timeout. */
    public boolean endsWithin(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public List<Event> remaining() {
        List<Event> rest = new ArrayList<>();
        events.drainTo(rest);
        return rest;
    }

    private void parse(List<String> block) {
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : block) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        if (!data.isEmpty()) {
            events.add(new Event(name, ApiClient.JSON.readTree(data.toString())));
        }
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
