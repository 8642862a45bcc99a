import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (application and load generator) and by the benchmark's embedded
 * PostgreSQL (the postmaster whose command line names the benchmark's data directory, and its
 * children, the backends), so that a run can say where the cores went: on a machine shared with other
 * work, CPU per unit of work says more than wall-clock time. Linux only (reads /proc).
 */
record CpuUse(Path dataDirectory, long nanos, double javaCpu, double postgresCpu) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    static CpuUse now(Path dataDirectory) {
        double java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new CpuUse(dataDirectory, System.nanoTime(), java, postgresSeconds(dataDirectory));
    }

    /** CPU seconds of both. */
    double total() {
        return javaCpu + postgresCpu;
    }

    /** Cores busy since this reading, and CPU per request at {@code perSecond}. */
    String since(double perSecond) {
        CpuUse end = now(dataDirectory);
        double seconds = (end.nanos - nanos) / 1e9;
        double java = (end.javaCpu - javaCpu) / seconds;
        double postgres = (end.postgresCpu - postgresCpu) / seconds;
        return String.format("cpu: java %.2f + postgres %.2f cores = %.0f + %.0f µs/request", java, postgres,
                java * 1e6 / perSecond, postgres * 1e6 / perSecond);
    }

    private static double postgresSeconds(Path dataDirectory) {
        record Proc(long pid, long parent, String command, long ticks) {
        }
        List<Proc> all = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    all.add(new Proc(Long.parseLong(process.getFileName().toString()), Long.parseLong(fields[1]), command,
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]))); // utime + stime
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        Set<Long> postmasters = new HashSet<>();
        all.stream().filter(p -> p.command().contains(dataDirectory.toString()) && p.pid() != ProcessHandle.current().pid())
                .forEach(p -> postmasters.add(p.pid()));
        return all.stream().filter(p -> postmasters.contains(p.pid()) || postmasters.contains(p.parent()))
                .mapToLong(Proc::ticks).sum() / TICKS_PER_SECOND;
    }
}
