package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Container mode, where Docker exists; skipped with its reason where it does not. */
@Timeout(300)
class ContainerModeTest {

    @Test
    void aContainerServesTheTestClassWhenAskedFor() {
        Assumptions.assumeTrue(Docker.isAvailable(),
                "Docker is not available here; container mode is tested where a Docker engine answers");

        Engine.assertPassed(Engine.run(ContainerCase.class, Map.of(PgNotifications.SERVER_PROPERTY_NAME, "container")), 1);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class ContainerCase {
        @Test
        void records(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'one')");
            assertThat(recorder.channel("items").awaitInsert(1).record()).containsEntry("name", "one");
        }
    }
}
