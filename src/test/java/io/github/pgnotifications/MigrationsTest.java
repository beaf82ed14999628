package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Sql;
import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** Flyway and Liquibase migrations run before the triggers are installed, with no scripts list. */
@Timeout(120)
class MigrationsTest {

    @Test
    void flywayMigrationsCreateTheTablesTheTriggersAreInstalledOn() {
        Engine.assertPassed(Engine.run(FlywayCase.class), 1);
    }

    @PgNotifications(flyway = "classpath:db/flyway", tables = "items", channels = "item_renamed")
    static class FlywayCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'one')", "UPDATE items SET name = 'uno' WHERE id = 1");

            assertThat(recorder.channel("items").awaitUpdate(1).record()).containsEntry("name", "uno");
            assertThat(recorder.channel("item_renamed").awaitNotification("1:uno", n -> n.payload().equals("1:uno")))
                    .isNotNull();
            assertThat(Sql.column(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void liquibaseChangelogsCreateTheTablesTheTriggersAreInstalledOn() {
        Engine.assertPassed(Engine.run(LiquibaseCase.class), 1);
    }

    @PgNotifications(liquibase = "db/liquibase/changelog.yaml", tables = "parcels")
    static class LiquibaseCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO parcels VALUES (7, 'sent')");

            assertThat(recorder.channel("parcels").awaitInsert(7).record()).containsEntry("status", "sent");
        }
    }

    @Test
    void aFailingMigrationIsNamedWithTheToolsMessage() {
        assertThat(Engine.firstFailure(Engine.run(MissingLocationCase.class)))
                .hasMessageContaining("Flyway migration of classpath:db/nowhere failed: ")
                .hasMessageEndingWith(". Fix the migration; migrations run before the scripts and before the triggers"
                        + " are installed.");
    }

    @Test
    void aMigrationThatFailsIsNamedWithItsFileAndStatement(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__parcels.sql"), "CREATE TABLE parcels (id int PRIMARY KEY);");
        Files.writeString(migrations.resolve("V2__typo.sql"), "ALTER TABLE parcels ADD COLUMN weight integr;");

        assertThat(Engine.firstFailure(Engine.run(ParcelsWithoutFlywayCase.class,
                Map.of(PgNotifications.FLYWAY_PROPERTY_NAME, "filesystem:" + migrations))))
                .hasMessageContaining("Flyway migration of filesystem:" + migrations + " failed: ")
                .hasMessageContaining("V2__typo.sql")
                .hasMessageContaining("type \"integr\" does not exist")
                .hasMessageContaining("ALTER TABLE parcels ADD COLUMN weight integr");
    }

    @PgNotifications(tables = "parcels")
    static class ParcelsWithoutFlywayCase {
        @Test
        void test() {
        }
    }

    @PgNotifications(flyway = "classpath:db/nowhere")
    static class MissingLocationCase {
        @Test
        void test() {
        }
    }
}
