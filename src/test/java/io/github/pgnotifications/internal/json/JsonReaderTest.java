package io.github.pgnotifications.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void anObjectKeepsItsMembersInTheOrderTheyWereWritten() throws Exception {
        Object value = JsonReader.parse("{\"z\":1,\"a\":\"x\",\"m\":true,\"n\":null}");

        assertThat(value).isInstanceOf(Map.class);
        assertThat(castMap(value).keySet()).containsExactly("z", "a", "m", "n");
        Map<String, Object> expected = new HashMap<>();
        expected.put("z", 1L);
        expected.put("a", "x");
        expected.put("m", true);
        expected.put("n", null);
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void aMemberWhoseValueIsNullIsThereWithNull() throws Exception {
        Map<?, ?> value = (Map<?, ?>) JsonReader.parse("{\"n\":null}");

        assertThat(value.containsKey("n")).isTrue();
        assertThat(value.get("n")).isNull();
    }

    @Test
    void theLastOfTwoMembersWithOneNameWins() throws Exception {
        Map<String, Object> value = castMap(JsonReader.parse("{\"a\":1,\"b\":2,\"a\":3}"));

        assertThat(value).hasSize(2).containsEntry("a", 3L).containsEntry("b", 2L);
    }

    @Test
    void anArrayKeepsItsElementsNullsIncluded() throws Exception {
        Object value = JsonReader.parse("[1, \"two\", null, [], {}, [false]]");

        assertThat(value).isEqualTo(Arrays.asList(1L, "two", null, List.of(), Map.of(), List.of(false)));
    }

    @Test
    void objectsAndArraysCannotBeChanged() throws Exception {
        Map<String, Object> object = castMap(JsonReader.parse("{\"a\":[1]}"));
        List<Object> array = castList(object.get("a"));

        assertThatThrownBy(() -> object.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> array.add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castMap(JsonReader.parse("{}")).put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castList(JsonReader.parse("[]")).add(1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyContainersAnswerQuestionsAboutNull() throws Exception {
        assertThat(castMap(JsonReader.parse("{}")).containsKey(null)).isFalse();
        assertThat(castList(JsonReader.parse("[]")).contains(null)).isFalse();
    }

    @Test
    void literalsAreBooleansAndNull() throws Exception {
        assertThat(JsonReader.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(JsonReader.parse("false")).isEqualTo(Boolean.FALSE);
        assertThat(JsonReader.parse("null")).isNull();
    }

    @Test
    void whitespaceAroundTheValueIsAllowed() throws Exception {
        assertThat(JsonReader.parse(" \t\r\n {\n \"a\" : [ 1 , 2 ] \r\n} \n")).isEqualTo(Map.of("a", List.of(1L, 2L)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0, 0", "5, 5", "-42, -42", "123456789012345678, 123456789012345678",
            "9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808"})
    void anIntegerThatFitsIsALong(String literal, long expected) throws Exception {
        assertThat(JsonReader.parse(literal)).isInstanceOf(Long.class).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"})
    void anIntegerTooBigForALongIsAnExactBigDecimal(String literal) throws Exception {
        assertThat(JsonReader.parse(literal)).isEqualTo(new BigDecimal(literal));
        assertThat(((BigDecimal) JsonReader.parse(literal)).scale()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"1.10, 2", "1.123456789012345678, 18", "0.0, 1", "-0.0, 1", "1e3, -3", "1E+3, -3", "2.5e-3, 4",
            "-1.0E2, -1", "0e0, 0"})
    void aNumberWithAFractionOrExponentIsTheBigDecimalOfItsLiteral(String literal, int scale) throws Exception {
        Object value = JsonReader.parse(literal);

        assertThat(value).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal(literal));
        assertThat(((BigDecimal) value).scale()).isEqualTo(scale);
    }

    @Test
    void anyDecimalLiteralIsTheBigDecimalOfItsText() throws Exception {
        Random random = new Random(20240229);
        for (int n = 0; n < 20_000; n++) {
            String literal = randomDecimal(random);

            assertThat(JsonReader.parse(literal)).as(literal).isEqualTo(new BigDecimal(literal));
        }
    }

    @ParameterizedTest
    @CsvSource({"1e999999999", "1e-999999999", "1.5e-999999999", "-12.5E+999999999", "1e0000000007",
            "1e0000000000000000000000001", "0.0000000000000000001", "1234567890123456789.5", "99999999999999999.9"})
    void decimalsAtTheEdgesOfTheShortPathAreExactToo(String literal) throws Exception {
        assertThat(JsonReader.parse(literal)).isEqualTo(new BigDecimal(literal));
    }

    private static String randomDecimal(Random random) {
        StringBuilder literal = new StringBuilder(random.nextBoolean() ? "-" : "");
        literal.append(random.nextInt(4) == 0 ? "0" : (1 + random.nextInt(9)) + digits(random, random.nextInt(12)));
        boolean fraction = random.nextBoolean();
        if (fraction) {
            literal.append('.').append(random.nextInt(10)).append(digits(random, random.nextInt(12)));
        }
        if (!fraction || random.nextBoolean()) {
            literal.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                    .append(random.nextInt(10)).append(digits(random, random.nextInt(4)));
        }
        return literal.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    @Test
    void escapesAreDecoded() throws Exception {
        assertThat(JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0041\\u00e9\\u20AC\""))
                .isEqualTo("q\" b\\ s/ \b\f\n\r\t Aé€");
    }

    @Test
    void aSurrogatePairEscapeIsOneCharacter() throws Exception {
        assertThat(JsonReader.parse("\"\\ud83d\\ude00 and \\uD83D\\uDE00\"")).isEqualTo("😀 and 😀");
    }

    @Test
    void unescapedUnicodeIsKeptAsItIs() throws Exception {
        assertThat(JsonReader.parse("{\"é\":\"😀 ü 中\"}")).isEqualTo(Map.of("é", "😀 ü 中"));
    }

    @Test
    void anEscapeAfterPlainTextKeepsTheTextBeforeIt() throws Exception {
        assertThat(JsonReader.parse("[\"plain then \\n escaped\", \"\"]")).isEqualTo(List.of("plain then \n escaped", ""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                     | expected a value but the text ended                          | 1 | 1",
        "`   `                  | expected a value but the text ended                          | 1 | 4",
        "x                      | expected a value                                             | 1 | 1",
        "{\"a\":1 \"b\":2}      | expected ',' or '}' after an object member                  | 1 | 8",
        "{\"a\":1               | expected ',' or '}' after an object member but the text ended | 1 | 7",
        "{\"a\":1,}             | trailing comma before '}'                                    | 1 | 8",
        "{\"a\":1,2}            | expected a member name in double quotes                      | 1 | 8",
        "{a:1}                  | expected a member name in double quotes or '}'               | 1 | 2",
        "{\"a\" 1}              | expected ':' after a member name                             | 1 | 6",
        "{\"a\":}               | expected a value                                             | 1 | 6",
        "[1 2]                  | expected ',' or ']' after an array element                   | 1 | 4",
        "[1,]                   | trailing comma before ']'                                    | 1 | 4",
        "[,1]                   | expected a value                                             | 1 | 2",
        "[1                     | expected ',' or ']' after an array element but the text ended | 1 | 3",
        "01                     | leading zeros are not allowed in a number                    | 1 | 1",
        "[-012]                 | leading zeros are not allowed in a number                    | 1 | 3",
        "-                      | expected a digit after '-' but the text ended                | 1 | 2",
        "-a                     | expected a digit after '-'                                   | 1 | 2",
        "1.                     | expected a digit after the decimal point but the text ended  | 1 | 3",
        "1.e5                   | expected a digit after the decimal point                     | 1 | 3",
        "1e                     | expected a digit in the exponent but the text ended          | 1 | 3",
        "1e+x                   | expected a digit in the exponent                             | 1 | 4",
        ".5                     | expected a value                                             | 1 | 1",
        "+1                     | expected a value                                             | 1 | 1",
        "tru                    | expected 'true'                                              | 1 | 1",
        "[nul]                  | expected 'null'                                              | 1 | 2",
        "False                  | expected a value                                             | 1 | 1",
        "truex                  | unexpected text after the value                              | 1 | 5",
        "{} {}                  | unexpected text after the value                              | 1 | 4",
        "\"abc                  | expected '\"' to close the string but the text ended          | 1 | 5",
        "\"a\\x\"               | invalid escape character 'x' after '\\'                      | 1 | 4",
        "\"a\\                  | expected an escape character after '\\' but the text ended    | 1 | 4",
        "\"\\u12G4\"            | expected 4 hex digits after '\\u'                            | 1 | 6",
        "\"\\u12                | expected 4 hex digits after '\\u' but the text ended          | 1 | 6",
        "[[[]]                  | expected ',' or ']' after an array element but the text ended | 1 | 6",
        "[{\"a\":[1]],2]          | expected ',' or '}' after an object member                  | 1 | 10",
        "{\"a\":{\"b\":[}]}        | expected a value                                             | 1 | 12",
    })
    void textThatIsNotJsonIsRefusedSayingWhyAndWhere(String text, String problem, int line, int column) {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> JsonReader.parse(text));

        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e).hasMessage(problem + " (line " + line + ", column " + column + ")");
    }

    @Test
    void theMessageSaysTheProblemThenWhere() {
        assertThatThrownBy(() -> JsonReader.parse("{\"id\":1,\"name\":\"a\" \"x\"}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("expected ',' or '}' after an object member (line 1, column 20)");
    }

    @Test
    void aControlCharacterInAStringMustBeEscaped() {
        assertThatThrownBy(() -> JsonReader.parse("\"a\tb\""))
                .hasMessage("control character U+0009 must be escaped in a string (line 1, column 3)");
        assertThatThrownBy(() -> JsonReader.parse("\"a\\n\nb\""))
                .hasMessage("control character U+000A must be escaped in a string (line 1, column 5)");
    }

    @Test
    void linesAndColumnsCountLineBreaksAndWholeCharacters() {
        assertThat(problemAt("{\n  \"a\": 1,\n  \"b\" 2\n}")).isEqualTo("3:7");
        assertThat(problemAt("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}")).isEqualTo("3:7");
        assertThat(problemAt("{\r\"a\"\r2}")).isEqualTo("3:1");
        assertThat(problemAt("[\"😀😀\" x]")).isEqualTo("1:7");
    }

    @Test
    void halfASurrogatePairAloneIsKeptAsThatChar() throws Exception {
        assertThat(JsonReader.parse("{\"k\":\"\\ud800\"}")).isEqualTo(Map.of("k", "\ud800"));
        assertThat(JsonReader.parse("\"\\udc00\"")).isEqualTo("\udc00");
        assertThat(JsonReader.parse("\"x\\uDBFF\"")).isEqualTo("x\udbff");
        assertThat(JsonReader.parse("\"\\ud800\\u0041\"")).isEqualTo("\ud800A");
    }

    @Test
    void aReversedPairStaysTwoLoneHalves() throws Exception {
        String value = (String) JsonReader.parse("\"\\udc00\\ud800\"");

        assertThat(value).isEqualTo("\udc00\ud800");
        assertThat(value.codePoints()).containsExactly(0xdc00, 0xd800);
    }

    @Test
    void loneHalvesNextToAWholePairStayApartFromIt() throws Exception {
        String value = (String) JsonReader.parse("\"\\ud83d😀\\ude00\"");

        assertThat(value.codePoints()).containsExactly(0xd83d, 0x1f600, 0xde00);
    }

    @Test
    void anEscapedNulIsKept() throws Exception {
        assertThat(JsonReader.parse("\"a\\u0000b\"")).isEqualTo("a\u0000b");
    }

    @ParameterizedTest
    @CsvSource({"1e2147483648, 1, -2147483648", "1E-2147483649, 1, 2147483649", "-0.0e999999999999, 0, -999999999998",
            "12.50e+99999999999999999999, 1250, -99999999999999999997", "-3E-0000000000002147483648, -3, 2147483648"})
    void aNumberWhoseScaleIsBeyondAnIntKeepsItsLiteral(String literal, String unscaled, String scale)
            throws Exception {
        LiteralNumber number = (LiteralNumber) ((List<?>) JsonReader.parse("[" + literal + "]")).get(0);

        assertThat(number.toString()).isEqualTo(literal);
        assertThat(number.unscaledValue()).hasToString(unscaled);
        assertThat(number.scale()).hasToString(scale);
        assertThat(JsonWriter.write(List.of(number))).isEqualTo("[" + literal + "]");
        assertThat(number.doubleValue()).isEqualTo(Double.parseDouble(literal));
    }

    @Test
    void literalNumbersAreEqualAsBigDecimalsAre() throws Exception {
        assertThat(JsonReader.parse("1e2147483648")).isEqualTo(JsonReader.parse("1E+2147483648"))
                .hasSameHashCodeAs(JsonReader.parse("1E+2147483648"))
                .isNotEqualTo(JsonReader.parse("10e2147483648")).isNotEqualTo(JsonReader.parse("1e2147483649"));
        assertThat(JsonReader.parse("1e2147483647")).isEqualTo(new BigDecimal("1e2147483647"));
        assertThat(JsonReader.parse("-0.0e999999999999")).isInstanceOf(LiteralNumber.class);
        assertThat(((Number) JsonReader.parse("-0.0e999999999999")).longValue()).isZero();
        assertThat(((Number) JsonReader.parse("1e2147483648")).longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nestingAsDeepAsPostgresWritesIsReadWithoutTheThreadStack() throws Exception {
        int depth = JsonReader.MAX_DEPTH;
        Object value = JsonReader.parse("[".repeat(depth) + "]".repeat(depth));

        assertThat(depthOf(value)).isEqualTo(depth - 1);
        assertThat(depthOf(JsonReader.parse("{\"a\":[".repeat(depth / 2) + "7" + "]}".repeat(depth / 2))))
                .isEqualTo(depth);
    }

    @Test
    @Timeout(30)
    void deepNestingNeedsNoMoreThreadStackThanShallow() throws Exception {
        String deep = "[{\"a\":".repeat(JsonReader.MAX_DEPTH / 2) + "1" + "}]".repeat(JsonReader.MAX_DEPTH / 2);
        AtomicReference<Object> read = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                read.set(depthOf(JsonReader.parse(deep)));
            } catch (Throwable e) {
                read.set(e);
            }
        }, "64 KiB of stack", 64 * 1024);

        smallStack.start();
        smallStack.join();

        assertThat(read.get()).isEqualTo(JsonReader.MAX_DEPTH);
    }

    /** How many lists and maps lead to the innermost value, always taking the first element or member. */
    private static int depthOf(Object value) {
        int depth = 0;
        while (value instanceof List<?> list && !list.isEmpty() || value instanceof Map<?, ?> map && !map.isEmpty()) {
            value = value instanceof List<?> list ? list.get(0) : ((Map<?, ?>) value).values().iterator().next();
            depth++;
        }
        return depth;
    }

    @Test
    void nestingBeyondTheLimitIsRefusedSayingSo() {
        String hostile = "{\"a\":[".repeat(JsonReader.MAX_DEPTH);

        assertThatThrownBy(() -> JsonReader.parse(hostile))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("nesting deeper than 100000 levels (line 1, column 300001)");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(JsonReader.MAX_DEPTH + 1)))
                .hasMessage("nesting deeper than 100000 levels (line 1, column 100001)");
    }

    @Test
    void theSameTextGivesEqualButSeparateValues() throws Exception {
        String text = "{\"a\":[1,{\"b\":null}]}";

        Object first = JsonReader.parse(text);
        Object second = JsonReader.parse(text);

        assertThat(first).isEqualTo(second).isNotSameAs(second);
        assertThat(new ArrayList<>(castList(castMap(first).get("a")))).hasSize(2);
    }

    private static String problemAt(String text) {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> JsonReader.parse(text));
        return e.line() + ":" + e.column();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object value) {
        return (List<Object>) value;
    }
}
