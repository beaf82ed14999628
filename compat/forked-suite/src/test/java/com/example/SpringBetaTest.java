package com.example;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@PgNotifications(tables = "items", scripts = "classpath:items.sql")
class SpringBetaTest {

    @Autowired
    JdbcTemplate jdbc;

    @RepeatedTest(3)
    void writesThroughTheApplicationAndSeesOnlyItsOwnRows(NotificationRecorder recorder) {
        Items.writeAwaitAndProveNothingElse(jdbc, recorder, getClass().getSimpleName());
    }
}
