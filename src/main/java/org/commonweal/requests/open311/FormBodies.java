package org.commonweal.requests.open311;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Open311 writes are form posts; parameters may also come in the query string, as the spec's examples show. */
final class FormBodies {

    private FormBodies() {
    }

    static void require(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("application/x-www-form-urlencoded") && !lower.startsWith("multipart/form-data")) {
            throw new Open311Error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the parameters as application/x-www-form-urlencoded or multipart/form-data");
        }
    }
}
