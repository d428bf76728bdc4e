package dev.triggerforge.model.json;

import static dev.triggerforge.model.json.EventJson.batchErrorsOf;
import static dev.triggerforge.model.json.EventJson.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triggerforge.model.event.CustomerEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

class EventCodecBatchTest {

    private static final String SEARCH = event("search", "{\"query\":\"boots\"}");
    private static final String VIEW = event("category_view", "{\"category\":\"shoes\"}").replace("e-1", "e-2");

    @Test
    void decodesAnArrayInOrder() {
        List<CustomerEvent> events = EventCodec.decodeBatch("[" + SEARCH + ",\n" + VIEW + "]");

        assertThat(events).extracting(CustomerEvent::eventId).containsExactly("e-1", "e-2");
    }

    @Test
    void acceptsASingleObject() {
        assertThat(EventCodec.decodeBatch(SEARCH)).containsExactly(EventCodec.decode(SEARCH));
    }

    @Test
    void acceptsAnEmptyArray() {
        assertThat(EventCodec.decodeBatch("[]")).isEmpty();
    }

    @Test
    void errorsOfAllElementsCarryTheirIndex() {
        String badType = event("teleport", "{}");
        String badId = event("search", "{}").replace("\"e-1\"", "5");

        List<FieldError> errors = batchErrorsOf("[" + SEARCH + "," + badType + "," + badId + ",7]");

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$[1].type", Problem.UNKNOWN_TYPE),
                tuple("$[2].eventId", Problem.WRONG_TYPE),
                tuple("$[2].properties.query", Problem.MISSING_FIELD),
                tuple("$[3]", Problem.WRONG_TYPE));
    }

    @Test
    void aSingleObjectKeepsRootPaths() {
        assertThat(batchErrorsOf(event("teleport", "{}"))).extracting(FieldError::path).containsExactly("$.type");
    }

    @Test
    void anythingElseIsTheWrongType() {
        assertThat(batchErrorsOf("\"events\"")).containsExactly(new FieldError("$", Problem.WRONG_TYPE,
                "expected an event object or an array of event objects, got a string"));
    }

    @Test
    void malformedTextIsOneError() {
        assertThat(batchErrorsOf("[" + SEARCH + ",")).extracting(FieldError::problem)
                .containsExactly(Problem.MALFORMED_JSON);
    }
}
