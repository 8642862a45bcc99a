package org.commonweal.requests.internal.photos;

/**
 * Checks an uploaded photo by its content, never by its name or declared type, and removes everything that could
 * reveal where it was taken or with what (EXIF with GPS, XMP, IPTC, comments, text chunks, timestamps) by editing the
 * container bytes, so the pixels are exactly the ones uploaded.
 */
public final class PhotoSanitizer {

    private final int maxBytes;
    private final int maxPixels;

    /**
     * @param maxBytes the largest upload accepted, e.g. 10 MiB
     * @param maxPixels the most pixels (width times height) accepted, e.g. 50 million: a small file can declare a
     *     huge image, and decoders allocate memory for what is declared
     */
    public PhotoSanitizer(int maxBytes, int maxPixels) {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: " + maxBytes + " bytes, " + maxPixels + " pixels");
        }
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** Returns the cleaned photo, or throws RejectedPhoto with a reason a person can act on. */
    public CleanPhoto clean(byte[] upload) throws RejectedPhoto {
        if (upload.length == 0) {
            throw RejectedPhoto.empty();
        }
        // Before any parsing, so an oversized upload costs no more than its length.
        if (upload.length > maxBytes) {
            throw RejectedPhoto.tooLarge(maxBytes);
        }
        CleanPhoto photo = strip(upload);
        if (photo.width() <= 0 || photo.height() <= 0) {
            throw RejectedPhoto.corrupt("it declares no width or height");
        }
        if ((long) photo.width() * photo.height() > maxPixels) {
            throw RejectedPhoto.tooManyPixels(photo.width(), photo.height(), maxPixels);
        }
        return photo;
    }

    private static CleanPhoto strip(byte[] upload) throws RejectedPhoto {
        if (JpegCleaner.recognises(upload)) {
            return JpegCleaner.clean(upload);
        }
        if (PngCleaner.recognises(upload)) {
            return PngCleaner.clean(upload);
        }
        if (WebpCleaner.recognises(upload)) {
            return WebpCleaner.clean(upload);
        }
        throw UnsupportedFormats.rejection(upload);
    }
}
