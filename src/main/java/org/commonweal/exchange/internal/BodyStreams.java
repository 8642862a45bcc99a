package org.commonweal.exchange.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Streams that count and digest a body as it passes, and stop it when it grows past a limit. */
final class BodyStreams {

    private BodyStreams() {
    }

    /** Thrown when a body passes its limit; the gateway answers with the matching error. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The body is larger than " + limit + " bytes", null);
        }
    }

    static String hex(MessageDigest digest) {
        try {
            return "sha256:" + HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    static byte[] bytes(MessageDigest digest) {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    static final class Incoming extends FilterInputStream {
        final MessageDigest digest = MerkleTree.sha256();
        private final long limit;
        private long count;
        volatile boolean tooLarge;

        Incoming(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                if (count > limit) {
                    tooLarge = true;
                    throw new TooLarge(limit);
                }
                digest.update(buffer, offset, read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes would escape the digest and the limit
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }
    }

    static final class Outgoing extends FilterOutputStream {
        final MessageDigest digest = MerkleTree.sha256();
        private final long limit;
        private long count;
        volatile boolean clientGone;

        Outgoing(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            count += length;
            if (count > limit) {
                throw new TooLarge(limit);
            }
            digest.update(buffer, offset, length);
            try {
                out.write(buffer, offset, length);
            } catch (IOException e) {
                clientGone = true;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                clientGone = true;
                throw e;
            }
        }

        @Override
        public void close() {
            // the servlet container closes the response itself
        }

        long count() {
            return count;
        }
    }
}
