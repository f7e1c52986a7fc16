package com.yarnnn.export.edge.preference;

import com.yarnnn.export.edge.security.UserId;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A deliverable's saved destinations and their auto-export switch; only the deliverable's owner sees them. */
@RestController
@RequestMapping("/api/deliverables/{deliverableId}/export-preferences")
class ExportPreferenceController {

    private final ExportPreferenceService preferences;

    ExportPreferenceController(ExportPreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    ExportPreferenceList list(UserId user, @PathVariable UUID deliverableId) {
        return new ExportPreferenceList(preferences.list(user.value(), deliverableId));
    }

    /** Creates the preference, or updates the one for the same provider and destination. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ExportPreference save(UserId user, @PathVariable UUID deliverableId, @Valid @RequestBody ExportPreferenceBody body) {
        return preferences.save(user.value(), deliverableId, body);
    }

    @DeleteMapping("/{preferenceId}")
    ResponseEntity<Void> delete(UserId user, @PathVariable UUID deliverableId, @PathVariable UUID preferenceId) {
        preferences.delete(user.value(), deliverableId, preferenceId);
        return ResponseEntity.noContent().build();
    }
}
