package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every attribute can be set for the whole suite as a configuration parameter; the annotation wins over it. */
@Timeout(60)
class ConfigurationParametersTest {

    private static final Map<String, String> SUITE_WIDE = Map.of(
            PgNotifications.SCRIPTS_PROPERTY_NAME, "classpath:lifecycle.sql, classpath:fine.sql",
            PgNotifications.TABLES_PROPERTY_NAME, "items",
            PgNotifications.CHANNELS_PROPERTY_NAME, "extra,more",
            PgNotifications.SENSITIVE_COLUMNS_PROPERTY_NAME, "name",
            PgNotifications.DEFAULT_TIMEOUT_PROPERTY_NAME, "3s");

    @Test
    void parametersApplyToClassesWhoseAnnotationLeavesTheAttributesEmpty() {
        Engine.assertPassed(Engine.run(FromParametersCase.class, SUITE_WIDE), 1);
    }

    @PgNotifications
    static class FromParametersCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'hidden')");

            assertThat(recorder.channels()).contains("items", "extra", "more");
            assertThat(recorder.channel("items").awaitInsert(1).record()).doesNotContainKey("name");
            assertThat(recorder.channel("items").timeout()).hasSeconds(3);
        }
    }

    @Test
    void anAttributeOnTheAnnotationWinsOverTheParameter() {
        Engine.assertPassed(Engine.run(AnnotationWinsCase.class, SUITE_WIDE), 1);
    }

    @PgNotifications(tables = "fine", channels = "own", sensitiveColumns = {}, timeout = "1s")
    static class AnnotationWinsCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO fine VALUES (1)");

            assertThat(recorder.channels()).containsExactly("fine", "own");
            assertThat(recorder.channel("fine").awaitInsert(1).record()).containsEntry("id", 1);
            assertThat(recorder.channel("fine").timeout()).hasSeconds(1);
        }
    }
}
