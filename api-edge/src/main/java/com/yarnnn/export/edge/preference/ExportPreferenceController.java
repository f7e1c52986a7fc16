package com.yarnnn.export.edge.preference;

import com.yarnnn.export.edge.security.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "export preferences")
@RequestMapping("/api/deliverables/{deliverableId}/export-preferences")
class ExportPreferenceController {

    private final ExportPreferenceService preferences;

    ExportPreferenceController(ExportPreferenceService preferences) {
        this.preferences = preferences;
    }

    @Operation(operationId = "listExportPreferences", summary = "The deliverable's saved destinations")
    @ApiResponse(responseCode = "200", description = "Its preferences", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping
    ExportPreferenceList list(UserId user, @PathVariable UUID deliverableId) {
        return new ExportPreferenceList(preferences.list(user.value(), deliverableId));
    }

    /** Creates the preference, or updates the one for the same provider and destination. */
    @Operation(operationId = "saveExportPreference", summary = "Save a destination for the deliverable",
            description = "Creates it, or updates the one with the same provider and destination. The destination is "
                    + "checked: its form (422), and where the provider lists destinations, that it is among them (422).")
    @ApiResponse(responseCode = "200", description = "The saved preference", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "Unprocessable")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ExportPreference save(UserId user, @PathVariable UUID deliverableId, @Valid @RequestBody ExportPreferenceBody body) {
        return preferences.save(user.value(), deliverableId, body);
    }

    @Operation(operationId = "deleteExportPreference", summary = "Forget a saved destination",
            responses = {@ApiResponse(responseCode = "204", description = "Deleted"),
                    @ApiResponse(responseCode = "404", ref = "NotFound")})
    @DeleteMapping("/{preferenceId}")
    ResponseEntity<Void> delete(UserId user, @PathVariable UUID deliverableId, @PathVariable UUID preferenceId) {
        preferences.delete(user.value(), deliverableId, preferenceId);
        return ResponseEntity.noContent().build();
    }
}
