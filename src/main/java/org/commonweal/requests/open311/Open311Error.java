package org.commonweal.requests.open311;

import org.springframework.http.HttpStatus;

/** A refusal answered with the spec's error body: the HTTP status and a description a developer can act on. */
class Open311Error extends RuntimeException {

    private final HttpStatus status;

    Open311Error(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static Open311Error badRequest(String description) {
        return new Open311Error(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Error notFound(String description) {
        return new Open311Error(HttpStatus.NOT_FOUND, description);
    }

    static Open311Error forbidden(String description) {
        return new Open311Error(HttpStatus.FORBIDDEN, description);
    }
}
