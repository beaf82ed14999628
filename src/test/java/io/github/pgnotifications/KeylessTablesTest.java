package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An await by id on a table without a key fails at once, suggesting a column the table really has. */
@PgNotifications(tables = {"subscribers", "audit_log"}, scripts = "classpath:keyless.sql")
@Timeout(30)
class KeylessTablesTest {

    @Test
    void aTableWithAUniqueColumnIsToldToKeyByIt(NotificationRecorder recorder) {
        assertThatThrownBy(() -> recorder.channel("subscribers").awaitInsert("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot find id 'x' on channel 'subscribers': table public.subscribers has no primary key"
                        + " and no 'id' column. Say which column identifies a row, e.g."
                        + " recorder.channel(\"subscribers\").keyedBy(\"email\").awaitInsert(...).");
    }

    @Test
    void aTableWithoutUniqueColumnsIsToldToKeyByItsFirstColumn(NotificationRecorder recorder) {
        assertThatThrownBy(() -> recorder.channel("audit_log").awaitDelete(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot find id 7 on channel 'audit_log': table public.audit_log has no primary key and"
                        + " no 'id' column. Say which column identifies a row, e.g."
                        + " recorder.channel(\"audit_log\").keyedBy(\"line\").awaitInsert(...).");
    }
}
