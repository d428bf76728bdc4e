package dev.triggerforge.server.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a server flight recording ({@code -Dbench.jfr=true}) spent its time: CPU samples by thread group, the
 * hottest methods (self and inclusive, TriggerForge frames separately), and blocked time by thread and kind
 * (socket reads, parks, monitor waits). Usage: {@code java -cp <test classpath> ...JfrSummary server.jfr [top]
 * [last-seconds]}; with last-seconds, only the end of the recording counts (such as the last paced phase).
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    private static Instant end(Path file) throws IOException {
        Instant last = Instant.MIN;
        try (RecordingFile r = new RecordingFile(file)) {
            while (r.hasMoreEvents()) {
                Instant t = r.readEvent().getEndTime();
                if (t.isAfter(last)) {
                    last = t;
                }
            }
        }
        return last;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Instant from = args.length > 2 ? end(file).minusSeconds(Long.parseLong(args[2])) : Instant.MIN;
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> partitionInclusive = new HashMap<>();
        Map<String, Duration> blocked = new HashMap<>();
        int samples = 0;
        int gcPauses = 0;
        Duration gcTotal = Duration.ZERO;
        Duration gcMax = Duration.ZERO;
        int partitionSamples = 0;
        int loopSamples = 0;
        Map<String, Integer> loopInclusive = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStartTime().isBefore(from)) {
                continue;
            }
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    String thread = group(e.getThread("sampledThread"));
                    byThread.merge(thread, 1, Integer::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    boolean partition = thread.startsWith("triggerforge-partition");
                    boolean loop = thread.startsWith("vert.x-eventloop");
                    if (partition) {
                        partitionSamples++;
                    }
                    if (loop) {
                        loopSamples++;
                    }
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (seen.add(n)) {
                            inclusive.merge(n, 1, Integer::sum);
                            if (n.startsWith("dev.triggerforge")) {
                                ours.merge(n, 1, Integer::sum);
                            }
                            if (partition) {
                                partitionInclusive.merge(n, 1, Integer::sum);
                            }
                            if (loop) {
                                loopInclusive.merge(n, 1, Integer::sum);
                            }
                        }
                    }
                }
                case "jdk.SocketRead", "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter",
                     "jdk.SocketWrite", "jdk.ThreadSleep" -> {
                    RecordedThread t = e.getThread("eventThread");
                    blocked.merge(group(t) + " / " + type.substring(4), e.getDuration(), Duration::plus);
                }
                case "jdk.GCPhasePause" -> {
                    gcPauses++;
                    gcTotal = gcTotal.plus(e.getDuration());
                    if (e.getDuration().compareTo(gcMax) > 0) {
                        gcMax = e.getDuration();
                    }
                }
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples; %d GC pauses, %.1f ms in all, longest %.1f ms%n%n"
                + "-- samples by thread%n", samples, gcPauses, gcTotal.toNanos() / 1e6, gcMax.toNanos() / 1e6);
        print(byThread, samples, top);
        System.out.printf("%n-- hottest methods, self%n");
        print(self, samples, top);
        System.out.printf("%n-- TriggerForge methods, inclusive%n");
        print(ours, samples, top);
        System.out.printf(Locale.ROOT, "%n-- partition threads (%d samples), inclusive%n", partitionSamples);
        print(partitionInclusive, partitionSamples, top * 2);
        System.out.printf(Locale.ROOT, "%n-- vert.x event loop (%d samples), inclusive%n", loopSamples);
        print(loopInclusive, loopSamples, top * 2);
        System.out.printf("%n-- blocked time by thread group and kind (over 20 ms each event, as JFR records)%n");
        blocked.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%10.1f s  %s%n", en.getValue().toMillis() / 1e3,
                        en.getKey()));
    }

    private static void print(Map<String, Integer> counts, int total, int top) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        sorted.forEach((k, v) -> System.out.printf(Locale.ROOT, "%6d %5.1f%%  %s%n", v, 100.0 * v / total, k));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Thread name with trailing numbers folded, so pools show as one line. */
    private static String group(RecordedThread t) {
        if (t == null) {
            return "?";
        }
        String n = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        return n == null ? "?" : n.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N");
    }
}
