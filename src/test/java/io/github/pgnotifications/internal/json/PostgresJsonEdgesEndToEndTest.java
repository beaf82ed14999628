package io.github.pgnotifications.internal.json;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.PgNotificationsAssertions;
import io.github.pgnotifications.PgNotificationsSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rows whose json column holds the edges of PostgreSQL's json, awaited through the installed trigger. */
@Timeout(60)
class PostgresJsonEdgesEndToEndTest {

    /** As deep as a payload under PostgreSQL's 7999-byte limit can nest arrays, with the rest of the event. */
    private static final int DEPTH = 3_800;

    private static PgNotificationsSession session;

    record Row(int id, Map<String, Object> doc) {
    }

    @BeforeAll
    static void startPostgres() {
        session = PgNotificationsSession.builder().tables("json_edges").scripts("classpath:json-edges.sql").start();
    }

    @AfterAll
    static void stopPostgres() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aLoneSurrogateEscapeArrivesAsThatChar() {
        exec(session.dataSource(),
                "INSERT INTO json_edges VALUES (1, '{\"k\":\"\\ud800\",\"r\":\"\\udc00\\ud800\",\"p\":\"\\ud83d\\ude00\"}')");

        ChangeEvent event = session.recorder().channel("json_edges").awaitInsert(1);

        assertThat(event.record().get("doc")).isEqualTo(Map.of("k", "\ud800", "r", "\udc00\ud800", "p", "😀"));
        PgNotificationsAssertions.assertThat(event).hasRecordContaining("doc", Map.of("k", "\ud800",
                "r", "\udc00\ud800", "p", "\ud83d\ude00"));
    }

    @Test
    void exponentsBeyondIntArriveWithTheirExactText() {
        exec(session.dataSource(), "INSERT INTO json_edges VALUES (2,"
                + " '{\"big\":1e2147483648,\"small\":1E-2147483649,\"zero\":-0.0e999999999999}')");

        ChangeEvent event = session.recorder().channel("json_edges").awaitInsert(2);

        Map<String, Object> doc = event.recordAs(Row.class).doc();
        assertThat(doc.values()).map(String::valueOf).containsExactly("1e2147483648", "1E-2147483649",
                "-0.0e999999999999");
        assertThat(doc.get("big")).isInstanceOf(Number.class).isEqualTo(doc.get("big"));
        assertThat(((Number) doc.get("zero")).doubleValue()).isEqualTo(-0.0);
        PgNotificationsAssertions.assertThat(event).hasRecordContaining("doc",
                Map.of("big", "1E+2147483648", "small", "1e-2147483649", "zero", 0));
    }

    @Test
    void nestingAsDeepAsAPayloadHoldsArrives() {
        exec(session.dataSource(), "INSERT INTO json_edges VALUES (3, json_build_object('deep', ("
                + "repeat('[', " + DEPTH + ") || '7' || repeat(']', " + DEPTH + "))::json))");

        ChangeEvent event = session.recorder().channel("json_edges").awaitInsert(3);

        assertThat(event.notification().payload().length()).isBetween(2 * DEPTH, 7999);
        Object value = ((Map<?, ?>) event.record().get("doc")).get("deep");
        int depth = 0;
        while (value instanceof List<?> list) {
            value = list.get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(DEPTH);
        assertThat(value).isEqualTo(7L);
    }
}
