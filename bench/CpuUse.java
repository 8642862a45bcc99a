import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this JVM (application and load generator) and of every PostgreSQL process, so that a
 * run can say where the two cores went: per request, in microseconds. Linux only (reads /proc).
 */
record CpuUse(long nanos, double javaCpu, double postgresCpu) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    static CpuUse now() {
        double java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new CpuUse(System.nanoTime(), java, postgresSeconds());
    }

    /** Cores busy since this reading, and CPU per request at {@code perSecond}. */
    String since(double perSecond) {
        CpuUse end = now();
        double seconds = (end.nanos - nanos) / 1e9;
        double java = (end.javaCpu - javaCpu) / seconds;
        double postgres = (end.postgresCpu - postgresCpu) / seconds;
        return String.format("cpu: java %.2f + postgres %.2f cores = %.0f + %.0f µs/request", java, postgres,
                java * 1e6 / perSecond, postgres * 1e6 / perSecond);
    }

    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuUse::postgresTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
