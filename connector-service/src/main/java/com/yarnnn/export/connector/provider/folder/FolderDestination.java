package com.yarnnn.export.connector.provider.folder;

import com.yarnnn.export.connector.provider.InvalidDestinationException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** A folder under the export root, named by a relative path such as {@code reports/weekly}. */
final class FolderDestination {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_DEPTH = 8;

    private FolderDestination() {
    }

    /** The folder the destination id names, inside {@code root}; anything that could leave it is refused. */
    static Path resolve(Path root, String destinationId) {
        if (destinationId == null || destinationId.isBlank()) {
            throw new InvalidDestinationException("A folder destination is a relative path such as 'reports'");
        }
        String[] segments = destinationId.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            throw new InvalidDestinationException("A folder destination is at most " + MAX_DEPTH + " folders deep");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new InvalidDestinationException("Folder destination '" + destinationId + "' is not allowed: "
                        + "use folder names of letters, digits, '.', '_' and '-' separated by '/'");
            }
        }
        return root.resolve(destinationId).normalize();
    }
}
