package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every class of the suite does: write rows of its own, await each, prove that nothing else arrived. */
final class Items {

    private static final AtomicLong NEXT = new AtomicLong(ProcessHandle.current().pid() * 1_000_000);

    private Items() {
    }

    static void writeAwaitAndProveNothingElse(JdbcTemplate jdbc, NotificationRecorder recorder, String by) {
        ChannelRecorder items = recorder.channel("items");
        for (int i = 0; i < 3; i++) {
            long id = NEXT.incrementAndGet();
            jdbc.update("INSERT INTO items VALUES (?, ?)", id, by);
            assertThat(items.awaitInsert(id).record()).containsEntry("name", by);
        }
        items.assertNothingElse();
    }
}
