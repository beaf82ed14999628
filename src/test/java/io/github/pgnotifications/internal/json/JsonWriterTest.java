package io.github.pgnotifications.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonWriterTest {

    @Test
    void valuesAreWrittenCompactlyInTheirOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", 5L);
        value.put("name", "a");
        value.put("tags", Arrays.asList("x", null, true));
        value.put("none", null);
        value.put("empty", Map.of());

        assertThat(JsonWriter.write(value))
                .isEqualTo("{\"id\":5,\"name\":\"a\",\"tags\":[\"x\",null,true],\"none\":null,\"empty\":{}}");
    }

    @Test
    void numbersAreWrittenAsTheirTextKeepingScaleAndExponent() {
        assertThat(JsonWriter.write(List.of(new BigDecimal("1.10"), new BigDecimal("1e3"), new BigDecimal("-0.000"),
                new BigInteger("123456789012345678901234567890"), 7, (short) 8, (byte) 9, 1.5d, 2.5f, 1e300)))
                .isEqualTo("[1.10,1E+3,0.000,123456789012345678901234567890,7,8,9,1.5,2.5,1.0E300]");
    }

    @Test
    void aNonFiniteFloatIsWrittenAsAStringAsPostgresDoes() {
        assertThat(JsonWriter.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY)))
                .isEqualTo("[\"NaN\",\"-Infinity\",\"Infinity\"]");
    }

    @Test
    void anythingElseIsTheStringOfItsToString() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(JsonWriter.write(Map.of("on", LocalDate.of(2024, 2, 29))))
                .isEqualTo("{\"on\":\"2024-02-29\"}");
        assertThat(JsonWriter.write(id)).isEqualTo("\"123e4567-e89b-12d3-a456-426614174000\"");
        assertThat(JsonWriter.write('q')).isEqualTo("\"q\"");
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.write("a\"b\\c/d\b\f\n\r\t\u0001\u001f é 😀"))
                .isEqualTo("\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\\u001f é 😀\"");
    }

    @Test
    void halfASurrogatePairIsEscapedSoItStaysVisible() {
        assertThat(JsonWriter.write("x\ud800y\udc00")).isEqualTo("\"x\\ud800y\\udc00\"");
        assertThat(JsonWriter.write("\udc00\ud83d\ude00\ud83d")).isEqualTo("\"\\udc00😀\\ud83d\"");
    }

    @Test
    void keysThatAreNotStringsAreWrittenAsTheirText() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put(1, "one");
        value.put(null, "none");

        assertThat(JsonWriter.write(value)).isEqualTo("{\"1\":\"one\",\"null\":\"none\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":[1,-0,1.10,1e3,-2.5E-7,123456789012345678901234567890,9223372036854775807],\"b\":null}",
        "[\"q\\\" b\\\\ \\n \\t \\u0001 é 😀 \\ud83d\\ude00\",true,false,null,{},[]]",
        "{\"nested\":{\"deeper\":[[[{\"x\":\"y\"}]]]},\"dup\":1,\"dup\":2}",
        "\"just a string\"",
        "0.1234567890123456789012345678901234567890"
    })
    void whatTheReaderReadsTheWriterWritesBackEqual(String json) throws Exception {
        Object value = JsonReader.parse(json);

        Object again = JsonReader.parse(JsonWriter.write(value));

        assertThat(again).isEqualTo(value);
        assertThat(JsonWriter.write(again)).isEqualTo(JsonWriter.write(value));
    }

    @Test
    void theRoundTripKeepsTheKindsOfNumbers() throws Exception {
        List<?> again = (List<?>) JsonReader.parse(JsonWriter.write(JsonReader.parse("[5, 1.10, 1e3]")));

        assertThat(again.get(0)).isInstanceOf(Long.class);
        assertThat(((BigDecimal) again.get(1)).scale()).isEqualTo(2);
        assertThat(((BigDecimal) again.get(2)).scale()).isEqualTo(-3);
    }

    @Test
    void aLiteralNumberIsWrittenAsTheLiteralThatArrived() throws Exception {
        assertThat(JsonWriter.write(JsonReader.parse("{\"a\":[1E-2147483649,-0.0e999999999999]}")))
                .isEqualTo("{\"a\":[1E-2147483649,-0.0e999999999999]}");
    }

    @Test
    @Timeout(30)
    void whatTheReaderReadsAtAnyDepthIsWrittenBackWithoutTheThreadStack() throws Exception {
        int half = JsonReader.MAX_DEPTH / 2;
        String deep = "[{\"a\":".repeat(half) + "\"\\ud800\"" + "}]".repeat(half);
        Object value = JsonReader.parse(deep);
        AtomicReference<Object> written = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                written.set(JsonWriter.write(value));
            } catch (Throwable e) {
                written.set(e);
            }
        }, "64 KiB of stack", 64 * 1024);

        smallStack.start();
        smallStack.join();

        assertThat(written.get()).isEqualTo(deep);
    }
}
