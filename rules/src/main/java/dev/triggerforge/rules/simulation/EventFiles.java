package dev.triggerforge.rules.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.RejectedLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded events and profiles from JSON Lines files. A bad line is reported with its number and reason (for
 * events, every invalid field with its JSON path) and skipped; the rest of the file is still read.
 */
public final class EventFiles {

    /** What a file held: the good records, and the lines that were not. */
    public record Loaded<T>(List<T> records, List<RejectedLine> rejected) {
    }

    private EventFiles() {
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

    private static <T> Loaded<T> read(Path file, LineParser<T> parser) throws IOException {
        List<T> records = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(parser.parse(line));
                } catch (RuntimeException e) {
                    rejected.add(new RejectedLine(name, number, e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
        }
        return new Loaded<>(records, rejected);
    }
}
