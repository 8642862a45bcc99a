package org.commonweal.opendata.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded resource files live: local disk by default, object storage behind the same port
 * when one machine is not enough. Keys are made by the storage, never from user input.
 */
public interface FileStorage {

    /** The stored file: its key, size and SHA-256 (hex). */
    record StoredFile(String key, long size, String sha256) {
    }

    /**
     * Stores the content, refusing it when it is longer than {@code maxBytes}.
     *
     * @throws TooLarge when the content exceeds the limit (nothing is kept)
     */
    StoredFile store(InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key);

    /** The content was longer than allowed. */
    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("The file is larger than " + maxBytes + " bytes");
        }
    }
}
