package io.github.pgnotifications.internal.json;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.pgnotifications.PgNotificationsSession;
import io.github.pgnotifications.internal.values.Values;
import io.github.pgnotifications.support.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our reader against Jackson 2 as an oracle, on the JSON that PostgreSQL itself writes for every column type a
 * trigger may send: the same structure, member order, strings, and numbers of the same kind, value and scale. And
 * against PostgreSQL as the judge of its own input: what its {@code json} type accepts we read, value for value, and
 * what it refuses we refuse; where {@code jsonb} is stricter, we follow {@code json}, whose text {@code row_to_json}
 * passes on.
 */
@Timeout(120)
class PostgresJsonDifferentialTest {

    /** Jackson reading numbers as exactly as we do: BigDecimal for anything with a fraction, scale kept. */
    private static final ObjectMapper ORACLE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final String INVALID_TEXT = "22P02";
    private static final String UNTRANSLATABLE = "22P05";
    private static final String NUMERIC_OVERFLOW = "22003";
    private static final String STACK_TOO_DEEP = "54001";

    private static PgNotificationsSession session;

    @BeforeAll
    static void startPostgres() {
        session = PgNotificationsSession.builder().channels("json").scripts("classpath:json-types.sql").start();
    }

    @AfterAll
    static void stopPostgres() {
        if (session != null) {
            session.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT row_to_json(t)::text FROM json_types t ORDER BY id",
        "SELECT row_to_json(t, true)::text FROM json_types t ORDER BY id",
        "SELECT to_jsonb(t)::text FROM json_types t ORDER BY id",
        "SELECT jsonb_pretty(to_jsonb(t)) FROM json_types t ORDER BY id",
        "SELECT json_agg(t ORDER BY id)::text FROM json_types t",
        "SELECT json_build_object('amount', amount, 'exact', exact, 'label', label, 'words', words, 'point', point,"
                + " 'doc', doc, 'nan', nan, 'very_big', very_big, 'at', at_zoned, 'nothing', nothing)::text"
                + " FROM json_types ORDER BY id",
        "SELECT jsonb_build_object('huge', huge, 'huge_int', huge_int, 'grid', grid, 'docb', docb, 'span', span,"
                + " 'bytes', bytes, 'feeling', feeling, 'minus_zero', minus_zero)::text FROM json_types ORDER BY id",
        "SELECT to_json(words)::text FROM json_types WHERE words IS NOT NULL ORDER BY id",
        "SELECT to_json(label)::text FROM json_types WHERE label IS NOT NULL ORDER BY id",
        "SELECT doc::text FROM json_types WHERE doc IS NOT NULL",
    })
    void whatPostgresWritesIsReadAsJacksonReadsIt(String query) throws Exception {
        List<String> texts = Sql.column(session.dataSource(), query);

        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            Object ours = JsonReader.parse(text);
            Object jacksons = plain(ORACLE.readTree(text));

            assertThat(JsonWriter.write(ours)).as(text).isEqualTo(JsonWriter.write(jacksons));
            assertThat(ours).as(text).isEqualTo(jacksons);
            assertThat(JsonReader.parse(JsonWriter.write(ours))).as("written back").isEqualTo(ours);
        }
    }

    @Test
    void numbersKeepTheExactValueAndKindPostgresWrote() throws Exception {
        Map<String, Object> row = firstRow("SELECT row_to_json(t)::text FROM json_types t WHERE id = 1");

        assertThat(row.get("small")).isEqualTo(-32768L);
        assertThat(row.get("big")).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get("amount")).isEqualTo(new BigDecimal("1.10"));
        assertThat(row.get("price")).isEqualTo(new BigDecimal("12345678.90"));
        assertThat(row.get("exact")).isEqualTo(new BigDecimal("1.123456789012345678"));
        assertThat(row.get("huge")).isEqualTo(new BigDecimal("123456789012345678901234567890.123"));
        assertThat(row.get("huge_int")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(row.get("very_big")).isEqualTo(new BigDecimal("1e+300"));
        assertThat(row.get("minus_zero")).isEqualTo(0L);
        assertThat(row.get("nan")).isEqualTo("NaN");
        assertThat(row.get("infinity")).isEqualTo("Infinity");
        assertThat(((Map<?, ?>) row.get("docb")).get("x")).isEqualTo(new BigDecimal("1.10"));
    }

    @Test
    void textComesBackAsItWasStored() throws Exception {
        String stored = Sql.column(session.dataSource(), "SELECT label FROM json_types WHERE id = 1").get(0);

        Map<String, Object> row = firstRow("SELECT row_to_json(t)::text FROM json_types t WHERE id = 1");

        assertThat(row.get("label")).isEqualTo(stored);
        assertThat(stored).contains("\"", "\\", "\n", "\t", "\r", "\u0001", "\u0007", "\u001f", "😀", "中", "\u2028");
        assertThat(((Map<?, ?>) row.get("doc")).get("nested"))
                .isEqualTo(List.of(new BigDecimal("1e3"), 0L, new BigDecimal("0.5E-2"), new BigDecimal("-1.0E+2"),
                        "😀", "é\n"));
    }

    @Test
    void nullsAndEmptyValuesAreThere() throws Exception {
        Map<String, Object> empty = firstRow("SELECT row_to_json(t)::text FROM json_types t WHERE id = 2");
        Map<String, Object> row = firstRow("SELECT row_to_json(t)::text FROM json_types t WHERE id = 1");

        assertThat(empty).hasSize(row.size()).containsEntry("id", 2L).containsEntry("doc", null);
        assertThat(row.get("empty_list")).isEqualTo(List.of());
        assertThat(row.get("numbers")).isEqualTo(Arrays.asList(1L, 2L, null, 3L));
    }

    @Test
    @Timeout(30)
    void aNotifiedRowReadsAsTheSelectedOne() throws Exception {
        String selected = Sql.column(session.dataSource(),
                "SELECT row_to_json(t)::text FROM json_types t WHERE id = 1").get(0);

        exec(session.dataSource(), "SELECT pg_notify('json', row_to_json(t)::text) FROM json_types t WHERE id = 1");
        String payload = session.recorder().channel("json").awaitNotification("the row", n -> true).payload();

        assertThat(JsonReader.parse(payload)).isEqualTo(JsonReader.parse(selected));
    }

    /** Texts at the edges of PostgreSQL's json grammar and just past them; the server says which are JSON. */
    static Stream<String> edges() {
        return Stream.of(
                "{\"k\":\"\\ud800\"}", "{\"k\":\"\\udc00\"}", "\"\\udc00\\ud800\"", "\"\\ud800\\u0041\"",
                "\"\\uDBFF\"", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00x\"", "\"a\\u0000b\"", "\"a\\/b\\\\\"",
                "1e2147483648", "1E-2147483649", "-0.0e999999999999", "1e99999999999999999999999", "12.50E+2147483648",
                "[1e2147483648,-0.0e999999999999,1e-99999999999999999999]", "1e2147483647", "-0", "1E+2", "0.5e-0001",
                " 1 ", "{\"a\":1,\"a\":2}", "[]", "{}", "\t[\r\n]\n",
                "", "01", "-01", "1.", ".5", "-", "1e", "1e+", "+1", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "[1] x",
                "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"a\tb\"", "'a'", "tru", "NaN", "Infinity", "\u00a01",
                "\f1", "[\"\\ud800\",]");
    }

    @ParameterizedTest
    @MethodSource("edges")
    void whatPostgresJsonAcceptsWeReadAndWhatItRefusesWeRefuse(String text) throws Exception {
        Verdict json = verdict(text, "json");

        if (json.accepted()) {
            assertThat(JsonReader.parse(json.output())).as(text).isEqualTo(JsonReader.parse(text));
        } else {
            assertThat(json.sqlState()).as(text).isEqualTo(INVALID_TEXT);
            assertThatThrownBy(() -> JsonReader.parse(text)).as(text).isInstanceOf(JsonSyntaxException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("edges")
    void whatJsonbAcceptsWeReadAsTheSameValue(String text) throws Exception {
        Verdict jsonb = verdict(text, "jsonb");

        if (!jsonb.accepted()) {
            assertThat(jsonb.sqlState()).as(text).isIn(INVALID_TEXT, UNTRANSLATABLE, NUMERIC_OVERFLOW);
            return;
        }
        Object ours = JsonReader.parse(text);
        assertThat(Values.matches(JsonReader.parse(jsonb.output()), ours)).as(text + " as jsonb").isTrue();
        if (ours instanceof String string) {
            assertThat(Sql.column(session.dataSource(), "SELECT ?::jsonb #>> '{}'", text)).as(text)
                    .containsExactly(string);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"k\":\"\\ud800\"} | 22P02", "\"\\udc00\\ud800\" | 22P02", "\"\\ud800\\u0041\" | 22P02",
        "\"a\\u0000b\" | 22P05", "1e2147483648 | 22003", "1E-2147483649 | 22003", "-0.0e999999999999 | 22003",
        "1e2147483647 | 22003"})
    void whereJsonbRefusesWhatJsonKeepsWeReadAsJsonDoes(String text, String jsonbState) throws Exception {
        assertThat(verdict(text, "jsonb").sqlState()).isEqualTo(jsonbState);
        assertThat(verdict(text, "json").accepted()).isTrue();

        assertThat(JsonReader.parse(text)).isNotNull();
    }

    @Test
    void aLoneSurrogateComesThroughRowToJsonAndIsKept() throws Exception {
        Map<String, Object> row = firstRow("SELECT row_to_json(t)::text FROM (SELECT '{\"k\":\"\\ud800\",\"r\":"
                + "\"\\udc00\\ud800\"}'::json AS doc, '1e2147483648'::json AS n) t");

        assertThat(row.get("doc")).isEqualTo(Map.of("k", "\ud800", "r", "\udc00\ud800"));
        assertThat(row.get("n")).hasToString("1e2147483648").isInstanceOf(LiteralNumber.class);
    }

    @ParameterizedTest
    @CsvSource({"json, [, ]", "json, '{\"a\":', }", "jsonb, [, ]", "jsonb, '{\"a\":', }"})
    void nestingAsDeepAsPostgresReadsItIsRead(String type, String open, String close) throws Exception {
        int deepest = deepestAccepted(type, open, close);
        String text = open.repeat(deepest) + "1" + close.repeat(deepest);

        assertThat(deepest).as("PostgreSQL's %s nests %s this deep", type, open).isGreaterThan(10_000);
        assertThat(innermost(JsonReader.parse(verdict(text, type).output()))).isEqualTo(List.of(deepest, 1L));
        assertThat(verdict(open.repeat(JsonReader.MAX_DEPTH + 1) + close.repeat(JsonReader.MAX_DEPTH + 1), type)
                .sqlState()).as("beyond our limit").isEqualTo(STACK_TOO_DEEP);
    }

    /**
     * How many arrays and objects lead to the innermost value, and that value. Walked, not compared with equals(),
     * which recurses once per level on the JDK's collections and overflows the stack at this depth.
     */
    private static List<Object> innermost(Object value) {
        int depth = 0;
        while (value instanceof List<?> || value instanceof Map<?, ?>) {
            value = value instanceof List<?> list ? list.get(0) : ((Map<?, ?>) value).get("a");
            depth++;
        }
        return List.of(depth, value);
    }

    /** The deepest nesting the server reads, found by bisection; beyond it it runs out of max_stack_depth. */
    private static int deepestAccepted(String type, String open, String close) {
        int accepted = 1_000;
        int refused = JsonReader.MAX_DEPTH + 1;
        while (refused - accepted > 1) {
            int depth = (accepted + refused) >>> 1;
            Verdict verdict = verdict(open.repeat(depth) + "1" + close.repeat(depth), type);
            if (verdict.accepted()) {
                accepted = depth;
            } else {
                assertThat(verdict.sqlState()).isEqualTo(STACK_TOO_DEEP);
                refused = depth;
            }
        }
        return accepted;
    }

    /** What the server made of a text as json or jsonb: its output, or the SQLSTATE it refused it with. */
    private record Verdict(String output, String sqlState) {
        boolean accepted() {
            return sqlState == null;
        }
    }

    private static Verdict verdict(String text, String type) {
        try (Connection connection = session.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT ?::" + type + "::text")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Verdict(rows.getString(1), null);
            }
        } catch (SQLException e) {
            return new Verdict(null, e.getSQLState());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRow(String query) throws JsonSyntaxException {
        return (Map<String, Object>) JsonReader.parse(Sql.column(session.dataSource(), query).get(0));
    }

    /** Jackson's tree as our kinds of value: integers that fit a long as Long, every other number as BigDecimal. */
    private static Object plain(JsonNode node) throws JsonProcessingException {
        if (node.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), plain(member.getValue()));
            }
            return members;
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            for (JsonNode element : node) {
                elements.add(plain(element));
            }
            return elements;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        if (node.isNumber()) {
            throw new AssertionError("the oracle read a number as " + node.numberType() + ": " + node);
        }
        return ORACLE.treeToValue(node, Object.class);
    }
}
