package io.github.pgnotifications.internal.json;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.pgnotifications.PgNotificationsSession;
import io.github.pgnotifications.support.Sql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our reader against Jackson 2 as an oracle, on the JSON that PostgreSQL itself writes for every column type a
 * trigger may send: the same structure, member order, strings, and numbers of the same kind, value and scale.
 */
@Timeout(120)
class PostgresJsonDifferentialTest {

    /** Jackson reading numbers as exactly as we do: BigDecimal for anything with a fraction, scale kept. */
    private static final ObjectMapper ORACLE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

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
