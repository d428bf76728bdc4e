package dev.triggerforge.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class ErrorReportingTest {

    private static final FieldError PRICE =
            new FieldError("$.properties.price", Problem.WRONG_TYPE, "expected a number, got a string");
    private static final FieldError SKU = new FieldError("$.properties.sku", Problem.MISSING_FIELD, "required");

    @Test
    void problemsHaveSnakeCaseWireNames() {
        assertThat(Problem.MALFORMED_JSON.wireName()).isEqualTo("malformed_json");
        assertThat(Problem.UNKNOWN_TYPE.wireName()).isEqualTo("unknown_type");
        for (Problem p : Problem.values()) {
            assertThat(Problem.fromWireName(p.wireName())).isEqualTo(p);
        }
    }

    @Test
    void fieldErrorReadsAsOneLine() {
        assertThat(PRICE).hasToString("$.properties.price: wrong_type: expected a number, got a string");
    }

    @Test
    void fieldErrorsHaveAJsonForm() throws Exception {
        String json = Json.mapper().writeValueAsString(PRICE);

        assertThat(json).isEqualTo("{\"path\":\"$.properties.price\",\"problem\":\"wrong_type\","
                + "\"message\":\"expected a number, got a string\"}");
        assertThat(Json.mapper().readValue(json, FieldError.class)).isEqualTo(PRICE);
    }

    @Test
    void exceptionJoinsItsErrors() {
        InvalidEventException e = new InvalidEventException(List.of(PRICE, SKU));

        assertThat(e.errors()).containsExactly(PRICE, SKU);
        assertThat(e.getMessage()).isEqualTo(PRICE + "; " + SKU);
    }

    @Test
    void exceptionIsCheapAndImmutable() {
        List<FieldError> source = new ArrayList<>(List.of(PRICE));
        InvalidEventException e = new InvalidEventException(source);
        source.add(SKU);

        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
        assertThat(e.errors()).containsExactly(PRICE);
        assertThatThrownBy(() -> e.errors().add(SKU)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void decodeFailuresCarryNoStackTrace() {
        assertThat(EventJson.rejection(() -> EventCodec.decode("{")).getStackTrace()).isEmpty();
    }

    @Test
    void anExceptionNeedsAnError() {
        assertThatThrownBy(() -> new InvalidEventException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
