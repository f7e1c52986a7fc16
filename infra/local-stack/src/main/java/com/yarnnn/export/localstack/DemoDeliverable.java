package com.yarnnn.export.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's sample deliverable: the dev user's export preferences for it are saved through the API at
 * start (two folders with auto-export on, one without), so that one approval shows the auto-exports land.
 */
final class DemoDeliverable {

    static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    static final List<String> AUTO_EXPORT_FOLDERS = List.of("approved/team", "approved/archive");
    static final String MANUAL_FOLDER = "drafts";

    private DemoDeliverable() {
    }

    /** Saves the preferences as the dev user; saving them again on a later start changes nothing. */
    static void savePreferences(String baseUrl, String token) {
        HttpClient http = HttpClient.newHttpClient();
        AUTO_EXPORT_FOLDERS.forEach(folder -> save(http, baseUrl, token, folder, true));
        save(http, baseUrl, token, MANUAL_FOLDER, false);
    }

    /** The one command that plays the product approving a new version. */
    static String approveCommand(String baseUrl) {
        return """
                curl -s -X POST %s/api/dev/approvals \\
                   -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                   -d '{"deliverable_id":"%s","title":"Board update",
                        "content":"## Approved\\n\\nShip the **Q4 plan**.\\n"}'""".formatted(baseUrl, ID);
    }

    private static void save(HttpClient http, String baseUrl, String token, String folder, boolean autoExport) {
        String body = """
                {"provider_id":"folder","destination_id":"%s","auto_export":%s}""".formatted(folder, autoExport);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/deliverables/" + ID + "/export-preferences"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Saving the demo preference for " + folder + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the demo preferences", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
