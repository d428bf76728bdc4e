package dev.triggerforge.rules.compile;

import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A trigger spec file with a mistake comes back as a located error, never as a Jackson stack trace. */
class TriggerSpecReaderTest {

    @Test
    void readsAValidSpec() throws RuleSetRejectedException {
        TriggerSpec spec = TriggerSpecReader.read("winback.json", """
                {"id": "winback", "priority": 5, "subject": "customer",
                 "entry": {"eventType": "custom:loyalty_lapsed"}, "wait": "P2D", "templateId": "winback"}
                """);
        assertThat(spec.subject()).isEqualTo(Subject.CUSTOMER);
        assertThat(spec.waitDuration()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void malformedJsonIsLocatedAtItsLineAndColumn() {
        assertThatThrownBy(() -> TriggerSpecReader.read("broken.json", "{\n  \"id\": \"x\",\n  \"wait\": PT30M\n}"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> {
                    CompileError error = e.errors().get(0);
                    assertThat(error.source()).isEqualTo("broken.json");
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isGreaterThan(0);
                    assertThat(error.message()).doesNotContain("com.fasterxml").doesNotContain("\tat ");
                });
    }

    @Test
    void aWrongValueNamesTheFieldPath() {
        assertThatThrownBy(() -> TriggerSpecReader.read("typo.json",
                "{\"id\": \"x\", \"subject\": \"cart\",\n \"entry\": {\"eventType\": \"cart_add\", \"conditions\": "
                        + "[{\"property\": \"price\", \"op\": \"bigger\", \"value\": 3}]}}"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> {
                    CompileError error = e.errors().get(0);
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.message()).startsWith("entry.conditions[0].op:");
                });
    }

    @Test
    void anUnknownFieldIsAnErrorNotASilentlyIgnoredSetting() {
        assertThatThrownBy(() -> TriggerSpecReader.read("unknown.json", "{\"id\": \"x\", \"waitt\": \"PT1H\"}"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("waitt"));
    }
}
