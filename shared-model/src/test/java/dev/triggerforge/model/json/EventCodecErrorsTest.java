package dev.triggerforge.model.json;

import static dev.triggerforge.model.json.EventJson.errorsOf;
import static dev.triggerforge.model.json.EventJson.event;
import static dev.triggerforge.model.json.EventJson.onlyErrorOf;
import static dev.triggerforge.model.json.EventJson.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

class EventCodecErrorsTest {

    private static final String VALID = event("page_view", "{}");

    @Test
    void missingEventId() {
        FieldError error = onlyErrorOf(VALID.replace("\"eventId\":\"e-1\",", ""));

        assertThat(error.path()).isEqualTo("$.eventId");
        assertThat(error.problem()).isEqualTo(Problem.MISSING_FIELD);
    }

    @Test
    void nullCountsAsMissing() {
        FieldError error = onlyErrorOf(VALID.replace("\"c-42\"", "null"));

        assertThat(error).isEqualTo(new FieldError("$.customerId", Problem.MISSING_FIELD, "required"));
    }

    @Test
    void blankIdsAreInvalid() {
        FieldError error = onlyErrorOf(VALID.replace("\"e-1\"", "\"  \""));

        assertThat(error.path()).isEqualTo("$.eventId");
        assertThat(error.problem()).isEqualTo(Problem.INVALID_VALUE);
    }

    @Test
    void idsMustBeStrings() {
        FieldError error = onlyErrorOf(VALID.replace("\"c-42\"", "42"));

        assertThat(error.toString()).isEqualTo("$.customerId: wrong_type: expected a string, got a number");
    }

    @Test
    void occurredAtAsANumberIsTheWrongType() {
        FieldError error = onlyErrorOf(VALID.replace("\"" + EventJson.OCCURRED_AT + "\"", "1763888400000"));

        assertThat(error.path()).isEqualTo("$.occurredAt");
        assertThat(error.problem()).isEqualTo(Problem.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-23", "2026-11-23T10:00:00", "2026-13-01T00:00:00Z",
            "23/11/2026 10:00", ""})
    void unparseableTimestampsAreBad(String timestamp) {
        FieldError error = onlyErrorOf(VALID.replace(EventJson.OCCURRED_AT, timestamp));

        assertThat(error.path()).isEqualTo("$.occurredAt");
        assertThat(error.problem()).isEqualTo(Problem.BAD_TIMESTAMP);
        assertThat(error.message()).contains("ISO-8601");
    }

    @Test
    void unknownTypeListsWhatIsAllowed() {
        FieldError error = onlyErrorOf(event("cart_added", "{}"));

        assertThat(error.path()).isEqualTo("$.type");
        assertThat(error.problem()).isEqualTo(Problem.UNKNOWN_TYPE);
        assertThat(error.message()).contains("'cart_added'", "cart_add", "purchase", "email_bounce", "custom:<name>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom:", "custom:Bad Name", "custom:_leading", "Custom:points", "CART_ADD"})
    void malformedTypeNamesAreUnknown(String type) {
        FieldError error = onlyErrorOf(event(type, "{}"));

        assertThat(error.path()).isEqualTo("$.type");
        assertThat(error.problem()).isEqualTo(Problem.UNKNOWN_TYPE);
    }

    @Test
    void badCustomNamesGetAnExplanation() {
        assertThat(onlyErrorOf(event("custom:Bad Name", "{}")).message()).contains("a-z, 0-9");
    }

    @Test
    void typeMustBeAString() {
        FieldError error = onlyErrorOf(VALID.replace("\"page_view\"", "[\"page_view\"]"));

        assertThat(error.toString()).isEqualTo("$.type: wrong_type: expected a string, got an array");
    }

    @Test
    void unknownTopLevelFieldsAreRejected() {
        List<FieldError> errors = errorsOf(VALID.replace("{\"eventId\"", "{\"userId\":\"u\",\"odd name\":1,\"eventId\""));

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.userId", Problem.INVALID_VALUE),
                tuple("$['odd name']", Problem.INVALID_VALUE));
        assertThat(errors.get(0).message()).startsWith("unknown field");
    }

    @Test
    void propertiesMustBeAnObject() {
        assertThat(onlyErrorOf(event("cart_add", "5")).toString())
                .isEqualTo("$.properties: wrong_type: expected an object, got a number");
    }

    @Test
    void priceAsAStringIsTheWrongType() {
        FieldError error = onlyErrorOf(event("cart_add", "{\"sku\":\"SKU-1\",\"price\":\"19.90\"}"));

        assertThat(error.toString()).isEqualTo("$.properties.price: wrong_type: expected a number, got a string");
    }

    @Test
    void negativePricesAreInvalid() {
        FieldError error = onlyErrorOf(event("product_view", "{\"sku\":\"SKU-1\",\"price\":-0.01}"));

        assertThat(error.path()).isEqualTo("$.properties.price");
        assertThat(error.problem()).isEqualTo(Problem.INVALID_VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|INVALID_VALUE",
            "-3|INVALID_VALUE",
            "2147483648|INVALID_VALUE",
            "100000000000000000000000|INVALID_VALUE",
            "1.5|WRONG_TYPE",
            "2.0|WRONG_TYPE",
            "\"2\"|WRONG_TYPE",
            "true|WRONG_TYPE"})
    void quantityMustBeAPositiveInt(String quantity, Problem problem) {
        FieldError error = onlyErrorOf(event("cart_add", "{\"sku\":\"SKU-1\",\"quantity\":" + quantity + "}"));

        assertThat(error.path()).isEqualTo("$.properties.quantity");
        assertThat(error.problem()).isEqualTo(problem);
    }

    @Test
    void cartEventsNeedASku() {
        assertThat(onlyErrorOf(event("cart_add", "{\"quantity\":1}")))
                .isEqualTo(new FieldError("$.properties.sku", Problem.MISSING_FIELD, "required"));
        assertThat(onlyErrorOf(event("cart_remove", "{\"sku\":\"\"}")).problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(onlyErrorOf(event("product_view", "{\"sku\":7}")).problem()).isEqualTo(Problem.WRONG_TYPE);
    }

    @Test
    void cartRemoveLinesAreCheckedLikeCartAddLines() {
        FieldError error = onlyErrorOf(event("cart_remove", "{\"sku\":\"SKU-1\",\"price\":\"cheap\"}"));

        assertThat(error.path()).isEqualTo("$.properties.price");
    }

    @Test
    void viewAndSearchEventsNeedTheirSubject() {
        assertThat(onlyErrorOf(event("category_view", "{}")).path()).isEqualTo("$.properties.category");
        assertThat(onlyErrorOf(event("search", "{\"query\":null}")).path()).isEqualTo("$.properties.query");
        assertThat(onlyErrorOf(event("product_view", "{\"sku\":\"S\",\"category\":[]}")).path())
                .isEqualTo("$.properties.category");
    }

    @Test
    void purchaseLineMissingASkuIsLocatedByIndex() {
        FieldError error = onlyErrorOf(event("purchase", "{\"orderId\":\"O-1\",\"lines\":[{\"sku\":\"A\"},"
                + "{\"quantity\":2}],\"total\":10,\"currency\":\"EUR\"}"));

        assertThat(error.path()).isEqualTo("$.properties.lines[1].sku");
        assertThat(error.problem()).isEqualTo(Problem.MISSING_FIELD);
    }

    @Test
    void purchaseLinesAreCheckedOneByOne() {
        List<FieldError> errors = errorsOf(event("purchase", "{\"orderId\":\"O-1\",\"lines\":[\"A\","
                + "{\"sku\":\"B\",\"quantity\":0,\"price\":\"1\"},null],\"total\":10,\"currency\":\"EUR\"}"));

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.properties.lines[0]", Problem.WRONG_TYPE),
                tuple("$.properties.lines[1].quantity", Problem.INVALID_VALUE),
                tuple("$.properties.lines[1].price", Problem.WRONG_TYPE),
                tuple("$.properties.lines[2]", Problem.WRONG_TYPE));
    }

    @Test
    void purchaseNeedsItsOrderFields() {
        List<FieldError> errors = errorsOf(event("purchase", "{}"));

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.properties.orderId", Problem.MISSING_FIELD),
                tuple("$.properties.lines", Problem.MISSING_FIELD),
                tuple("$.properties.total", Problem.MISSING_FIELD),
                tuple("$.properties.currency", Problem.MISSING_FIELD));
    }

    @Test
    void purchaseLinesMustBeANonEmptyArray() {
        String empty = "{\"orderId\":\"O-1\",\"lines\":[],\"total\":0,\"currency\":\"EUR\"}";
        String object = "{\"orderId\":\"O-1\",\"lines\":{\"sku\":\"A\"},\"total\":0,\"currency\":\"EUR\"}";

        assertThat(onlyErrorOf(event("purchase", empty)).problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(onlyErrorOf(event("purchase", object)).toString())
                .isEqualTo("$.properties.lines: wrong_type: expected an array, got an object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"eur\"|INVALID_VALUE", "\"EURO\"|INVALID_VALUE", "\"€\"|INVALID_VALUE",
            "978|WRONG_TYPE", "\"\"|INVALID_VALUE"})
    void currencyMustBeAnIsoCode(String currency, Problem problem) {
        FieldError error = onlyErrorOf(event("purchase", "{\"orderId\":\"O-1\",\"lines\":[{\"sku\":\"A\"}],"
                + "\"total\":1,\"currency\":" + currency + "}"));

        assertThat(error.path()).isEqualTo("$.properties.currency");
        assertThat(error.problem()).isEqualTo(problem);
    }

    @Test
    void emailFeedbackFieldsAreChecked() {
        List<FieldError> errors = errorsOf(event("email_bounce", "{\"sendId\":1,\"bounceType\":\"medium\"}"));

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.properties.sendId", Problem.WRONG_TYPE),
                tuple("$.properties.bounceType", Problem.INVALID_VALUE));
        assertThat(onlyErrorOf(event("email_click", "{\"url\":false}")).path()).isEqualTo("$.properties.url");
    }

    @Test
    void anIdentifyNamesTheAnonymousVisitor() {
        assertThat(onlyErrorOf(event("identify", "{}")).path()).isEqualTo("$.properties.anonymousId");
        assertThat(onlyErrorOf(event("identify", "{\"anonymousId\":7}")).problem()).isEqualTo(Problem.WRONG_TYPE);
    }

    @Test
    void profileUpdateFieldsAreChecked() {
        List<FieldError> errors = errorsOf(event("profile_update", "{\"email\":\"ann.example.com\","
                + "\"timezone\":\"Mars/Olympus\",\"locale\":5,\"marketingConsent\":\"yes\",\"anything\":[1]}"));

        assertThat(errors).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.properties.email", Problem.INVALID_VALUE),
                tuple("$.properties.timezone", Problem.INVALID_VALUE),
                tuple("$.properties.locale", Problem.WRONG_TYPE),
                tuple("$.properties.marketingConsent", Problem.WRONG_TYPE));
        assertThat(errors.get(0).message()).doesNotContain("ann.example.com");
    }

    @Test
    void signupFieldsAreChecked() {
        List<FieldError> errors = errorsOf(event("signup", "{\"email\":\"nobody\",\"firstName\":{}}"));

        assertThat(errors).extracting(FieldError::path).containsExactly("$.properties.email", "$.properties.firstName");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = "{\"customerId\":7,\"type\":\"teleport\",\"occurredAt\":\"soon\",\"extra\":true,"
                + "\"properties\":{\"sku\":1}}";

        InvalidEventException e = rejection(() -> EventCodec.decode(json));

        assertThat(e.errors()).extracting(FieldError::path, FieldError::problem).containsExactlyInAnyOrder(
                tuple("$.eventId", Problem.MISSING_FIELD),
                tuple("$.customerId", Problem.WRONG_TYPE),
                tuple("$.type", Problem.UNKNOWN_TYPE),
                tuple("$.occurredAt", Problem.BAD_TIMESTAMP),
                tuple("$.extra", Problem.INVALID_VALUE));
        assertThat(e.getMessage()).contains("$.eventId: missing_field: required; ").contains("$.extra: invalid_value");
    }

    @Test
    void envelopeAndPropertyErrorsAreReportedTogether() {
        String json = event("purchase", "{\"orderId\":\"O-1\",\"lines\":[{\"quantity\":0}],\"total\":-1,"
                + "\"currency\":\"eur\"}").replace("\"e-1\"", "\"\"");

        assertThat(errorsOf(json)).extracting(FieldError::path).containsExactly(
                "$.eventId",
                "$.properties.lines[0].sku",
                "$.properties.lines[0].quantity",
                "$.properties.total",
                "$.properties.currency");
    }

    @Test
    void malformedJsonIsOneLocatedError() {
        FieldError error = onlyErrorOf("{\"eventId\": \"e-1\",\n  \"type\" \"cart_add\"}");

        assertThat(error.path()).isEqualTo("$");
        assertThat(error.problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(error.message()).contains("line 2, column 10");
        assertReadable(error.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\":\"e-1\"", "{\"a\":1} {\"b\":2}", "{\"a\":1} x", "", "   ",
            "{\"eventId\":\"a\",\"eventId\":\"b\"}", "{'eventId':'e-1'}", "{\"a\":\"\u0001\"}", "nul",
            "[1,2", "{\"a\":01}"})
    void malformedTextIsReportedReadably(String text) {
        FieldError error = onlyErrorOf(text);

        assertThat(error.path()).isEqualTo("$");
        assertThat(error.problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertReadable(error.message());
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThat(onlyErrorOf("{\"eventId\":\"a\",\"eventId\":\"b\"}").message()).contains("Duplicate field 'eventId'");
    }

    @Test
    void parserLimitsAreReportedReadably() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String longNumber = event("custom:x", "{\"n\":" + "9".repeat(5000) + "}");

        assertReadable(onlyErrorOf(deep).message());
        assertReadable(onlyErrorOf(longNumber).message());
        assertThat(onlyErrorOf(longNumber).problem()).isEqualTo(Problem.MALFORMED_JSON);
    }

    @Test
    void nullTextIsMalformed() {
        assertThat(onlyErrorOf(null).problem()).isEqualTo(Problem.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "\"x\"", "null", "42", "true", "{}", "{\"properties\":5}",
            "{\"type\":null,\"properties\":{\"lines\":[null]}}", "{\"type\":\"purchase\",\"properties\":[]}",
            "{\"type\":\"purchase\",\"properties\":{\"lines\":[[]],\"total\":{}}}", "{\"type\":{}}"})
    void oddInputOnlyEverRaisesInvalidEventException(String text) {
        assertThat(rejection(() -> EventCodec.decode(text)).errors()).isNotEmpty();
        assertThat(catchThrowable(() -> EventCodec.decodeBatch(text))).satisfiesAnyOf(
                thrown -> assertThat(thrown).isNull(),
                thrown -> assertThat(thrown).isExactlyInstanceOf(InvalidEventException.class));
    }

    @Test
    void aNonObjectIsTheWrongType() {
        assertThat(onlyErrorOf("[]").toString()).isEqualTo("$: wrong_type: expected an event object, got an array");
        assertThat(onlyErrorOf("null").toString()).isEqualTo("$: wrong_type: expected an event object, got null");
    }

    @Test
    void treesAreCheckedUnderTheGivenPath() {
        InvalidEventException e = rejection(() -> EventCodec.decode(null, "$[4]"));

        assertThat(e.errors()).containsExactly(
                new FieldError("$[4]", Problem.WRONG_TYPE, "expected an event object, got nothing"));
    }

    @Test
    void nonFiniteNumbersInHandBuiltTreesAreRejected() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(event("cart_add", "{\"sku\":\"S\"}"));
        ObjectNode properties = (ObjectNode) tree.get("properties");
        properties.set("price", DoubleNode.valueOf(Double.NaN));
        properties.set("score", DoubleNode.valueOf(Double.POSITIVE_INFINITY));

        InvalidEventException e = rejection(() -> EventCodec.decode(tree, null));

        assertThat(e.errors()).extracting(FieldError::path, FieldError::problem).containsExactly(
                tuple("$.properties.price", Problem.WRONG_TYPE),
                tuple("$.properties.price", Problem.INVALID_VALUE),
                tuple("$.properties.score", Problem.INVALID_VALUE));
    }

    private static void assertReadable(String message) {
        assertThat(message).isNotBlank().doesNotContain("\n", "Source", "com.fasterxml", "Exception", "`", "REDACTED",
                "\tat ");
    }
}
