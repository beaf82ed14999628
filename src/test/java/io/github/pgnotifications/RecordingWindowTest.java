package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.support.Engine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Memory stays bounded: past its window the recorder drops the oldest notifications, and says so. */
@Timeout(60)
class RecordingWindowTest {

    @Test
    void pastTheWindowTheOldestAreDroppedAndTheNewestStillFoundById() {
        try (PgNotificationsSession session = PgNotificationsSession.builder().tables("items")
                .scripts("classpath:lifecycle.sql").maxRecorded(100).start()) {
            exec(session.dataSource(), "INSERT INTO items SELECT i, 'x' FROM generate_series(0, 249) AS i");
            session.recorder().sync();
            ChannelRecorder items = session.recorder().channel("items");

            assertThat(items.notifications()).hasSizeBetween(90, 100);
            assertThat(items.changes()).last().satisfies(last -> assertThat(last.record()).containsEntry("id", 249));
            assertThat(items.awaitInsert(249)).isNotNull();
            assertThat(items.awaitInsert(150)).isNotNull();
            assertThatThrownBy(() -> items.within(Duration.ofMillis(50)).awaitInsert(0))
                    .hasMessageEndingWith("150 older notification(s) of this test were dropped: the recorder keeps the"
                            + " newest 100 (configuration parameter pgnotifications.max-recorded).");
        }
    }

    @Test
    void theWindowIsAConfigurationParameterAndABadValueIsNamed() {
        assertThat(Engine.firstFailure(Engine.run(OneCase.class,
                Map.of(PgNotifications.MAX_RECORDED_PROPERTY_NAME, "lots")))).hasMessageEndingWith(
                "configuration parameter pgnotifications.max-recorded is 'lots', which is not a whole number of 1 or"
                        + " more.");
    }

    @PgNotifications(channels = "c")
    static class OneCase {
        @Test
        void test() {
        }
    }
}
