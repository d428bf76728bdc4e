package dev.triggerforge.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.model.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: exit codes, files written, errors printed without stack traces. */
class TriggerForgeCliTest {

    @TempDir
    static Path dir;
    static Path events;
    static Path profiles;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TriggerForgeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generate() {
        events = dir.resolve("events.jsonl");
        profiles = dir.resolve("profiles.jsonl");
        Result r = run("generate", "--customers", "300", "--days", "3", "--seed", "7", "--out", events.toString(),
                "--profiles-out", profiles.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void generateIsDeterministicBytForByte() throws IOException {
        Path again = dir.resolve("again.jsonl");
        assertThat(run("generate", "--customers", "300", "--days", "3", "--seed", "7", "--out", again.toString())
                .code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(events));
        Path other = dir.resolve("other.jsonl");
        run("generate", "--customers", "300", "--days", "3", "--seed", "8", "--out", other.toString());
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(events));
    }

    @Test
    void simulatePrintsASummaryAndWritesTheReport() throws IOException {
        Path report = dir.resolve("report.json");
        Result r = run("simulate", "--events", events.toString(), "--profiles", profiles.toString(), "--out",
                report.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("events read:").contains("sends:").contains("cart-abandonment");
        JsonNode json = Json.mapper().readTree(report.toFile());
        for (String field : List.of("events", "rejected", "sends", "suppressions", "perRule", "experiments")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("events").asLong()).isEqualTo(Files.readAllLines(events).size());
        assertThat(json.get("sends").size()).isPositive();
        JsonNode send = json.get("sends").get(0);
        for (String field : List.of("ruleId", "customerId", "sendAt", "templateId", "idempotencyKey", "causedBy")) {
            assertThat(send.has(field)).as(field).isTrue();
        }
    }

    @Test
    void theSameInputsGiveTheSameReportByteForByte() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("simulate", "--events", events.toString(), "--profiles", profiles.toString(), "--out", a.toString(),
                "--quiet", "--partitions", "1");
        run("simulate", "--events", events.toString(), "--profiles", profiles.toString(), "--out", b.toString(),
                "--quiet", "--partitions", "2");
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    }

    @Test
    void aRuleSetThatDoesNotCompileExitsTwoWithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("broken-rules"));
        Files.writeString(rules.resolve("bad.drl"), "package x\n\nrule \"r\"\nwhen\n    Nope( \nthen\nend\n");
        Result r = run("simulate", "--events", events.toString(), "--rules", rules.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not compile").contains("bad.drl:");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void badArgumentsAndMissingFilesExitTwoWithoutAStackTrace() {
        Result missingOption = run("simulate");
        assertThat(missingOption.code()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--events");
        Result missingFile = run("simulate", "--events", dir.resolve("nope.jsonl").toString(), "--quiet");
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.jsonl").doesNotContain("\tat ");
        Result badInstant = run("simulate", "--events", events.toString(), "--until", "tomorrow");
        assertThat(badInstant.code()).isEqualTo(2);
        Result badCount = run("generate", "--customers", "0", "--days", "1", "--seed", "1", "--out",
                dir.resolve("x.jsonl").toString());
        assertThat(badCount.code()).isEqualTo(2);
        assertThat(badCount.err()).doesNotContain("\tat ");
    }

    @Test
    void diffReportsWhatACandidateChanges() throws IOException {
        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(candidate.resolve("cart.json"), """
                {"id": "cart-abandonment", "priority": 40, "subject": "cart", "entry": {"eventType": "cart_add"},
                 "wait": "PT2H", "restartOn": [{"eventType": "cart_add"}, {"eventType": "cart_remove"}],
                 "cancelOn": [{"eventType": "purchase"}], "templateId": "cart-abandonment",
                 "requires": ["customer.email", "cart.lines"]}
                """);
        Path baseline = Files.createDirectories(dir.resolve("baseline"));
        Files.writeString(baseline.resolve("cart.json"), Files.readString(candidate.resolve("cart.json"))
                .replace("PT2H", "PT30M"));
        Result r = run("diff", "--rules", candidate.toString(), "--against", baseline.toString(), "--events",
                events.toString(), "--profiles", profiles.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("added:").contains("removed:").contains("moved:");
        assertThat(r.out()).containsPattern("moved: [1-9]");
    }
}
