package org.commonweal.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/commonweal-*.jar}) as a separate operating-system
 * process, for tests that must kill it the hard way.
 */
public final class AppProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    public AppProcess(Path dataDirectory, int port, int databasePort, String... settings) throws IOException {
        this.port = port;
        this.log = dataDirectory.resolve("app.log");
        Files.createDirectories(dataDirectory);
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--commonweal.database.directory=" + dataDirectory.toAbsolutePath(),
                "--commonweal.database.port=" + databasePort));
        command.addAll(List.of(settings));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public AppProcess start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(90);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application exited at start; see " + log);
                }
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("The application did not become ready within 90 s; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("commonweal-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Run after 'package': target/commonweal-*.jar is missing"));
        }
    }
}
