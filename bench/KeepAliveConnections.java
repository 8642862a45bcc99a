import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generators' HTTP/1.1 client: blocking keep-alive sockets, one request at a time per
 * connection, idle connections kept for the next request. Why not the JDK's HttpClient: it spent
 * about a third of the JVM's CPU in the POST benchmark (selector thread, futures, header maps),
 * and the load generator shares the two cores with the server it measures, so a heavy one makes
 * the server look slower than it is. This one costs a write and a read or two per request.
 * Understands what the application answers: Content-Length or chunked bodies, and Connection: close.
 */
final class KeepAliveConnections {

    /** A status and body as text. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    KeepAliveConnections(int port) {
        this.host = "127.0.0.1";
        this.port = port;
    }

    Answer post(String path, String contentType, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
                + "\r\nAccept: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
        return exchange(head, content);
    }

    private Answer exchange(String head, byte[] content) throws IOException {
        Connection connection = idle.poll();
        boolean reused = connection != null;
        if (connection == null) {
            connection = new Connection(host, port);
        }
        try {
            Answer answer = connection.exchange(head, content);
            if (connection.open) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return answer;
        } catch (IOException e) {
            connection.close();
            if (reused && e instanceof ClosedBeforeAnswering) {
                // The server closed the idle connection (it had not taken the request); a fresh one
                // says whether it is really down. Anything else is not retried: a POST must not be sent twice.
                return exchange(head, content);
            }
            throw e;
        }
    }

    /** The connection ended before the first byte of an answer. */
    private static final class ClosedBeforeAnswering extends EOFException {
        ClosedBeforeAnswering() {
            super("the server closed the connection without answering");
        }
    }

    /** One socket and its buffered input. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean open = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Answer exchange(String head, byte[] content) throws IOException {
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            int first;
            try {
                out.write(request);
                out.flush();
                in.mark(1);
                first = in.read();
            } catch (SocketException reset) {
                throw new ClosedBeforeAnswering();
            }
            if (first < 0) {
                throw new ClosedBeforeAnswering();
            }
            in.reset();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    open = false;
                }
            }
            byte[] body;
            if (chunked) {
                body = chunkedBody();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length != length) {
                    throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
                }
            } else {
                body = in.readAllBytes(); // no length: the body runs to the end of the connection
                open = false;
            }
            return new Answer(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailer fields, ignored
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length != size) {
                    throw new EOFException("chunk ended early");
                }
                body.write(chunk);
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder text = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (b != '\r') {
                    text.append((char) b);
                }
            }
            return text.toString();
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
