package dev.triggerforge.rules.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.RejectedLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads recorded events and profiles from JSON Lines files. A bad line is reported with its number and reason (for
 * events, every invalid field with its JSON path) and skipped; the rest of the file is still read. Blocks of lines
 * are decoded on every core, and kept in file order.
 */
public final class EventFiles {

    private static final int BLOCK = 4096;
    private static final int DECODERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** What a file held: the good records, and the lines that were not. */
    public record Loaded<T>(List<T> records, List<RejectedLine> rejected) {
    }

    /** The inputs of a run: events, profiles, and every rejected line of both files. */
    public record Inputs(List<CustomerEvent> events, List<CustomerProfile> profiles, List<RejectedLine> rejected) {
    }

    private EventFiles() {
    }

    /** Reads an events file and, when {@code profiles} is not null, a profiles file. */
    public static Inputs read(Path events, Path profiles) throws IOException {
        Loaded<CustomerEvent> loadedEvents = readEvents(events);
        List<RejectedLine> rejected = new ArrayList<>(loadedEvents.rejected());
        List<CustomerProfile> profileList = List.of();
        if (profiles != null) {
            Loaded<CustomerProfile> loadedProfiles = readProfiles(profiles);
            profileList = loadedProfiles.records();
            rejected.addAll(loadedProfiles.rejected());
        }
        return new Inputs(loadedEvents.records(), profileList, List.copyOf(rejected));
    }

    public static Loaded<CustomerEvent> readEvents(Path file) throws IOException {
        return read(file, EventCodec::decode);
    }

    public static Loaded<CustomerProfile> readProfiles(Path file) throws IOException {
        return read(file, line -> {
            try {
                CustomerProfile p = Json.mapper().readValue(line, CustomerProfile.class);
                if (p.customerId() == null) {
                    throw new IllegalArgumentException("customerId is required");
                }
                return p;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e.getOriginalMessage().replaceAll(" \\(for .*", ""));
            }
        });
    }

    private interface LineParser<T> {
        T parse(String line);
    }

    /** A block of consecutive lines, decoded as a unit so blocks can be decoded side by side. */
    private record Block(long firstLine, List<String> lines) {
    }

    private static <T> Loaded<T> read(Path file, LineParser<T> parser) throws IOException {
        String name = file.getFileName().toString();
        List<T> records = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(DECODERS, r -> {
            Thread t = new Thread(r, "jsonl-decoder");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Loaded<T>>> inFlight = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            List<String> lines = new ArrayList<>(BLOCK);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (lines.size() == BLOCK) {
                    Block block = new Block(number + 1, lines);
                    inFlight.add(pool.submit(() -> decode(name, block, parser)));
                    number += BLOCK;
                    lines = new ArrayList<>(BLOCK);
                    if (inFlight.size() > 2 * DECODERS) {
                        collect(inFlight.poll(), records, rejected);
                    }
                }
            }
            Block last = new Block(number + 1, lines);
            inFlight.add(pool.submit(() -> decode(name, last, parser)));
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll(), records, rejected);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Loaded<>(records, rejected);
    }

    private static <T> Loaded<T> decode(String file, Block block, LineParser<T> parser) {
        List<T> records = new ArrayList<>(block.lines.size());
        List<RejectedLine> rejected = new ArrayList<>();
        long number = block.firstLine;
        for (String line : block.lines) {
            if (!line.isBlank()) {
                try {
                    records.add(parser.parse(line));
                } catch (RuntimeException e) {
                    rejected.add(new RejectedLine(file, number, e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
            number++;
        }
        return new Loaded<>(records, rejected);
    }

    private static <T> void collect(Future<Loaded<T>> block, List<T> records, List<RejectedLine> rejected)
            throws IOException {
        try {
            Loaded<T> loaded = block.get();
            records.addAll(loaded.records());
            rejected.addAll(loaded.rejected());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        }
    }
}
