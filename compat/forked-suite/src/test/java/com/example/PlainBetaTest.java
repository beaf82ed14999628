package com.example;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.jdbc.core.JdbcTemplate;

@PgNotifications(tables = "items", scripts = "classpath:items.sql")
class PlainBetaTest {

    @RepeatedTest(3)
    void writesAndSeesOnlyItsOwnRows(NotificationRecorder recorder, DataSource db) {
        Items.writeAwaitAndProveNothingElse(new JdbcTemplate(db), recorder, getClass().getSimpleName());
    }
}
