package org.commonweal.requests.internal.photos;

import java.io.Serial;
import java.math.BigDecimal;

/** Why an upload cannot be stored as a photo; the message tells the person what to do about it. */
public final class RejectedPhoto extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String ACCEPTED = "JPEG, PNG or WebP";

    /** The kinds of rejection, for callers that react differently to each. */
    public enum Reason { EMPTY, TOO_LARGE, NOT_AN_IMAGE, UNSUPPORTED_TYPE, CORRUPT, TOO_MANY_PIXELS }

    private final Reason reason;

    private RejectedPhoto(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static RejectedPhoto empty() {
        return new RejectedPhoto(Reason.EMPTY, "The file is empty; please choose the photo again");
    }

    static RejectedPhoto tooLarge(int maxBytes) {
        return new RejectedPhoto(Reason.TOO_LARGE,
                "The file is larger than " + readableSize(maxBytes) + "; please send a smaller photo");
    }

    static RejectedPhoto notAnImage() {
        return new RejectedPhoto(Reason.NOT_AN_IMAGE, "The file is not a " + ACCEPTED + " image");
    }

    static RejectedPhoto unsupported(String format) {
        return new RejectedPhoto(Reason.UNSUPPORTED_TYPE,
                format + " images are not accepted; please send the photo as a " + ACCEPTED + " file");
    }

    static RejectedPhoto corrupt(String detail) {
        return new RejectedPhoto(Reason.CORRUPT,
                "The image is damaged or incomplete (" + detail + "); please save or take the photo again");
    }

    static RejectedPhoto tooManyPixels(int width, int height, int maxPixels) {
        String megapixels = BigDecimal.valueOf(maxPixels, 6).stripTrailingZeros().toPlainString();
        return new RejectedPhoto(Reason.TOO_MANY_PIXELS, "The image is " + width + " x " + height
                + " pixels, more than " + megapixels + " megapixels; please send a smaller image");
    }

    private static String readableSize(int bytes) {
        int mib = 1024 * 1024;
        if (bytes % mib == 0) {
            return bytes / mib + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
