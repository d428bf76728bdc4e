package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule set read from a directory of DRL files, trigger specs and guardrail settings, with located errors. */
class RuleSetFilesTest {

    private static final String SPEC = """
            {"id": "welcome", "subject": "customer", "entry": {"eventType": "signup"}, "templateId": "welcome"}""";

    @TempDir
    Path dir;

    @Test
    void readsSpecsDrlAndGuardrailsFromADirectory() throws Exception {
        Files.writeString(dir.resolve("welcome.json"), SPEC);
        Files.writeString(dir.resolve("vip.drl"), "package shop\n");
        Files.writeString(dir.resolve("guardrails.json"),
                "{\"frequencyCap\": 1, \"frequencyWindow\": \"PT12H\", \"quietStart\": \"22:00\", \"quietEnd\": \"07:00\"}");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        RuleSet ruleSet = RuleSetFiles.load(List.of(dir));
        assertThat(ruleSet.triggers()).extracting(t -> t.id()).containsExactly("welcome");
        assertThat(ruleSet.drl()).singleElement().satisfies(d -> assertThat(d.name()).endsWith("vip.drl"));
        assertThat(ruleSet.guardrails().frequencyCap()).isEqualTo(1);
        assertThat(ruleSet.guardrails().quietStart()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void everyBadFileIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("welcome.json"), "{\n\"id\": \"welcome\",\n\"wait\": soon}");
        Files.writeString(dir.resolve("guardrails.json"), "{\n  \"frequencyCap\": \"two\"\n}");
        assertThatThrownBy(() -> RuleSetFiles.load(List.of(dir)))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> {
                    assertThat(e.errors()).extracting(CompileError::source)
                            .containsExactly(dir.resolve("guardrails.json").toString(),
                                    dir.resolve("welcome.json").toString());
                    assertThat(e.errors()).extracting(CompileError::line).containsExactly(2, 3);
                    assertThat(e.errors().get(0).message()).startsWith("frequencyCap:");
                });
    }

    @Test
    void aMissingPathIsNamed() {
        assertThatThrownBy(() -> RuleSetFiles.load(List.of(dir.resolve("nope"))))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
    }
}
