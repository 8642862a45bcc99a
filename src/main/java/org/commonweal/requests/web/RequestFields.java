package org.commonweal.requests.web;

import org.commonweal.requests.RequestRefused;

/** Which form field a refusal belongs to, so the error summary links to it. */
final class RequestFields {

    private RequestFields() {
    }

    static String of(RequestRefused refused) {
        return switch (refused.code()) {
            case DESCRIPTION_MISSING, DESCRIPTION_TOO_LONG -> "description";
            case LOCATION_MISSING, ADDRESS_TOO_LONG -> "address";
            case LOCATION_OUT_OF_RANGE -> "lat";
            case ATTRIBUTE_UNKNOWN, ATTRIBUTE_MISSING, ATTRIBUTE_INVALID -> RequestForm.ATTRIBUTE_PREFIX + refused.arguments()[0];
            case CONTACT_MISSING, CONTACT_INVALID -> "contactEmail";
            case PHOTO_REJECTED, TOO_MANY_PHOTOS -> "photos";
            default -> "";
        };
    }
}
