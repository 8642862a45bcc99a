package org.commonweal.platform.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * A small blocking HTTP/1.1 client with kept-alive connections: the exchange gateway forwards
 * through it and the ledger verifier downloads tiles with it. With virtual threads a blocking
 * socket costs no platform thread while it waits, and the request needs no hand-over between
 * threads, unlike {@code java.net.http.HttpClient} (which cost the verifier more CPU than hashing
 * the entries). It speaks only what those need: one request at a time per connection, fixed-length
 * or chunked bodies, a read timeout on every read (so a server that stalls mid-body is cut off
 * too), a limit on response header size, no redirects.
 */
public final class Http11Client implements AutoCloseable {

    /** The most bytes of status line and headers a server may send. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_IDLE_PER_ORIGIN = 256;

    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public Http11Client(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Thrown when a connection cannot be made at all: the server is down. */
    public static final class ConnectFailed extends IOException {
        ConnectFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The status and headers (names in lower case) of a response; its body streams and must be
     * closed. {@code bodyLength} is the body's length in bytes, or -1 when it is not known in advance
     * (chunked, or until the connection closes).
     */
    public record Response(int status, Map<String, List<String>> headers, InputStream body, long bodyLength) {

        public @Nullable String first(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /**
     * Sends a request and reads the response headers. A request without a body that fails on a
     * reused connection before any answer is sent once more on a fresh one (the server may have
     * closed an idle connection).
     *
     * @param contentLength the body's length, or -1 for chunked; ignored without a body
     */
    public Response send(String method, URI uri, Map<String, String> headers, @Nullable InputStream body, long contentLength)
            throws IOException {
        String origin = origin(uri);
        Connection reused = idle.computeIfAbsent(origin, o -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (reused != null) {
            try {
                return exchange(reused, origin, method, uri, headers, body, contentLength);
            } catch (IOException stale) {
                reused.close();
                if (body != null || stale instanceof SocketTimeoutException) {
                    throw stale;
                }
            }
        }
        return exchange(open(uri), origin, method, uri, headers, body, contentLength);
    }

    private Response exchange(Connection connection, String origin, String method, URI uri, Map<String, String> headers,
                              @Nullable InputStream body, long contentLength) throws IOException {
        writeRequest(connection, method, uri, headers, body, contentLength);
        int status;
        Map<String, List<String>> responseHeaders;
        do {
            String statusLine = connection.readLine(true);
            status = parseStatus(statusLine);
            responseHeaders = readHeaders(connection);
        } while (status >= 100 && status < 200);
        boolean keepAlive = !"close".equalsIgnoreCase(first(responseHeaders, "connection"));
        InputStream responseBody;
        long bodyLength = -1;
        if ("HEAD".equals(method) || status == 204 || status == 304) {
            bodyLength = 0;
            responseBody = new FixedBody(connection, 0, this, origin, keepAlive);
        } else if (first(responseHeaders, "transfer-encoding") != null) {
            if (!"chunked".equalsIgnoreCase(first(responseHeaders, "transfer-encoding").strip())) {
                connection.close();
                throw new ProtocolException("Unsupported transfer encoding " + first(responseHeaders, "transfer-encoding"));
            }
            responseBody = new ChunkedBody(connection, this, origin, keepAlive);
        } else if (first(responseHeaders, "content-length") != null) {
            long length;
            try {
                length = Long.parseLong(first(responseHeaders, "content-length").strip());
            } catch (NumberFormatException e) {
                connection.close();
                throw new ProtocolException("Content-Length is not a number");
            }
            if (length < 0) {
                connection.close();
                throw new ProtocolException("Content-Length is negative");
            }
            bodyLength = length;
            responseBody = new FixedBody(connection, length, this, origin, keepAlive);
        } else {
            responseBody = new UntilCloseBody(connection);
        }
        return new Response(status, responseHeaders, responseBody, bodyLength);
    }

    private static void writeRequest(Connection connection, String method, URI uri, Map<String, String> headers,
                                     @Nullable InputStream body, long contentLength) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() != -1) {
            head.append(':').append(uri.getPort());
        }
        head.append("\r\n");
        headers.forEach((name, value) -> {
            if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        boolean chunked = body != null && contentLength < 0;
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n");
        }
        head.append("\r\n");
        OutputStream out = connection.out;
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (chunked) {
                    out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, read);
                if (chunked) {
                    out.write('\r');
                    out.write('\n');
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.flush();
    }

    private static int parseStatus(String line) throws ProtocolException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("Not an HTTP/1.x status line");
        }
        try {
            int status = Integer.parseInt(line.substring(9, 12));
            if (status < 100 || status > 599) {
                throw new ProtocolException("Status " + status + " is out of range");
            }
            return status;
        } catch (NumberFormatException e) {
            throw new ProtocolException("The status line has no status code");
        }
    }

    private static Map<String, List<String>> readHeaders(Connection connection) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        String line;
        while (!(line = connection.readLine(false)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                throw new ProtocolException("A response header is malformed");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
        connection.headerBytes = 0;
        return headers;
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private Connection open(URI uri) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        Socket socket = https ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
            }
        } catch (IOException e) {
            socket.close();
            throw new ConnectFailed("Cannot connect to " + uri.getHost() + ":" + port, e);
        }
        return new Connection(socket);
    }

    /** Closes the idle connections; connections in use close when their bodies are closed. */
    @Override
    public void close() {
        idle.values().forEach(pool -> {
            for (Connection connection; (connection = pool.pollFirst()) != null; ) {
                connection.close();
            }
        });
    }

    private void release(String origin, Connection connection) {
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(origin, o -> new ConcurrentLinkedDeque<>());
        if (pool.size() < MAX_IDLE_PER_ORIGIN) {
            pool.addFirst(connection);
        } else {
            connection.close();
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** One socket with its buffers. */
    static final class Connection {
        final Socket socket;
        final BufferedInputStream in;
        final BufferedOutputStream out;
        int headerBytes;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        /** A CRLF-terminated line of the status or headers, counted against the header limit. */
        String readLine(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    throw first && line.isEmpty() && headerBytes == 0 ? new EOFException("The server closed the connection")
                            : new ProtocolException("The response ends inside its headers");
                }
                if (++headerBytes > MAX_HEADER_BYTES) {
                    throw new ProtocolException("The response headers are larger than " + MAX_HEADER_BYTES + " bytes");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            headerBytes++;
            return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    /**
     * A body read from a pooled connection: once it is read to its end the connection goes back to
     * the pool (if the server keeps connections alive), otherwise closing it closes the connection.
     */
    private abstract static class PooledBody extends InputStream {
        final Connection connection;
        private final Http11Client client;
        private final String origin;
        private final boolean keepAlive;
        private boolean done;

        PooledBody(Connection connection, Http11Client client, String origin, boolean keepAlive) {
            this.connection = connection;
            this.client = client;
            this.origin = origin;
            this.keepAlive = keepAlive;
        }

        /** Whether every byte of the body has been read, so the connection is ready for the next request. */
        abstract boolean readToTheEnd();

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            if (readToTheEnd() && keepAlive) {
                client.release(origin, connection);
            } else {
                connection.close();
            }
        }
    }

    /** A body of known length. */
    private static final class FixedBody extends PooledBody {
        private long remaining;

        FixedBody(Connection connection, long length, Http11Client client, String origin, boolean keepAlive) {
            super(connection, client, origin, keepAlive);
            this.remaining = length;
        }

        @Override
        boolean readToTheEnd() {
            return remaining == 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int read = connection.in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read == -1) {
                throw new EOFException("The server closed the connection before the end of the body");
            }
            remaining -= read;
            return read;
        }
    }

    /** A chunked body; trailers are read and dropped. */
    private static final class ChunkedBody extends PooledBody {
        private long chunkLeft;
        private boolean ended;

        ChunkedBody(Connection connection, Http11Client client, String origin, boolean keepAlive) {
            super(connection, client, origin, keepAlive);
        }

        @Override
        boolean readToTheEnd() {
            return ended;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (chunkLeft == 0) {
                String size = connection.readLine(false);
                connection.headerBytes = 0;
                int extension = size.indexOf(';');
                try {
                    chunkLeft = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("A chunk size is not a hexadecimal number");
                }
                if (chunkLeft < 0) {
                    throw new ProtocolException("A chunk size is negative");
                }
                if (chunkLeft == 0) {
                    while (!connection.readLine(false).isEmpty()) {
                        // trailers: not passed on
                    }
                    connection.headerBytes = 0;
                    ended = true;
                    return -1;
                }
            }
            int read = connection.in.read(buffer, offset, (int) Math.min(length, chunkLeft));
            if (read == -1) {
                throw new EOFException("The server closed the connection inside a chunk");
            }
            chunkLeft -= read;
            if (chunkLeft == 0 && !connection.readLine(false).isEmpty()) {
                throw new ProtocolException("A chunk is not followed by CRLF");
            }
            connection.headerBytes = 0;
            return read;
        }
    }

    /** A body that ends when the server closes the connection. */
    private static final class UntilCloseBody extends InputStream {
        private final Connection connection;

        UntilCloseBody(Connection connection) {
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            return connection.in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return connection.in.read(buffer, offset, length);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
