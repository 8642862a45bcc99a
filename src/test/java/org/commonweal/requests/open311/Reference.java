package org.commonweal.requests.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Open311 reference data beside the project ({@code ../shared/reference/open311}). CI clones the
 * project next to {@code shared}; a worktree elsewhere falls back to the machine's copy.
 */
final class Reference {

    private Reference() {
    }

    static Path open311() {
        Path beside = Path.of("..", "shared", "reference");
        Path root = Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference");
        return root.resolve("open311");
    }

    static String read(String relative) {
        try {
            return Files.readString(open311().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec example without the {@code HTTP/1.1 403 Forbidden} line some of them start with. */
    static String specExample(String name) {
        String text = read("spec-examples/" + name).strip();
        return text.startsWith("HTTP/") ? text.substring(text.indexOf('\n') + 1).strip() : text;
    }
}
