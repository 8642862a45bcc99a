package org.commonweal.requests.internal.photos;

/**
 * A photo that passed the content check, with its metadata removed.
 *
 * @param mediaType {@code image/jpeg}, {@code image/png} or {@code image/webp}, as found in the bytes
 * @param bytes the cleaned file, its pixel data byte-for-byte as uploaded
 * @param width width in pixels, from the image header
 * @param height height in pixels, from the image header
 */
public record CleanPhoto(String mediaType, byte[] bytes, int width, int height) {
}
