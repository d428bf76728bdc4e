package dev.triggerforge.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the processes that share the machine during a phase, from {@code /proc} (Linux only; elsewhere it
 * reports nothing): the server JVM, RabbitMQ ({@code beam.smp}), PostgreSQL (every {@code postgres} process) and
 * this benchmark's own JVM. Divided by wall time it says how many of the two cores each one kept busy.
 */
final class CpuSampler {

    /** USER_HZ, the unit of utime and stime in /proc/PID/stat: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;

    CpuSampler(long serverPid) {
        this.serverPid = serverPid;
    }

    /** CPU seconds so far by group; empty when /proc is not there. */
    Map<String, Double> sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return cpu;
        }
        cpu.put("server", serverPid > 0 ? seconds(serverPid) : 0.0);
        cpu.put("rabbitmq", 0.0);
        cpu.put("postgresql", 0.0);
        cpu.put("bench", seconds(ProcessHandle.current().pid()));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String comm = comm(p);
                if (comm.equals("beam.smp")) {
                    cpu.merge("rabbitmq", seconds(Long.parseLong(p.getFileName().toString())), Double::sum);
                } else if (comm.equals("postgres")) {
                    cpu.merge("postgresql", seconds(Long.parseLong(p.getFileName().toString())), Double::sum);
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        double total = 0;
        try {
            String[] f = Files.readString(Path.of("/proc/stat")).lines().findFirst().orElse("").trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {         // everything but idle and iowait
                    total += Long.parseLong(f[i]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            total = Double.NaN;
        }
        cpu.put("machine", total / TICKS_PER_SECOND);
        return cpu;
    }

    /** How many cores each group kept busy between two samples taken {@code wallSeconds} apart. */
    static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((k, v) -> out.put(k, (v - before.getOrDefault(k, 0.0)) / wallSeconds));
        return out;
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of one process; 0 when it is gone (a postgres backend that ended counts nothing). */
    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime is field 14 of the line, i.e. index 11 here
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0.0;
        }
    }
}
