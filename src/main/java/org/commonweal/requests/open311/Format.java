package org.commonweal.requests.open311;

import java.util.Locale;

import org.springframework.http.MediaType;

/** The two response formats, chosen by the extension of the path ({@code services.json}, {@code services.xml}). */
enum Format {

    JSON(MediaType.parseMediaType("application/json; charset=utf-8")),
    XML(MediaType.parseMediaType("text/xml; charset=utf-8"));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static Format of(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw Open311Error.notFound("Unknown response format: end the path with .json or .xml");
        };
    }

    /**
     * The format an error is written in: the one the path asked for, JSON when it asked for none
     * or an unknown one (the spec fixes no default, and JSON is what most clients read).
     */
    static Format forErrorsAt(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }
}
