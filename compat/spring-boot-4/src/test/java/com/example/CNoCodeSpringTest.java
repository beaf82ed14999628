package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring Boot 4 with no code for the database: the application's own pool points at the class's test database. */
@SpringBootTest
@PgNotifications(tables = "items", scripts = "classpath:items.sql")
class CNoCodeSpringTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationWritesToTheTestDatabaseAndTheRecorderSeesIt(NotificationRecorder recorder, DataSource library) {
        jdbc.update("INSERT INTO items (name) VALUES ('from Spring Boot 4')");

        assertThat(recorder.channel("items").awaitInsert(1).record()).containsEntry("name", "from Spring Boot 4");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(new JdbcTemplate(library).queryForObject("SELECT current_database()", String.class));
        recorder.channel("items").assertNothingElse();
    }
}
