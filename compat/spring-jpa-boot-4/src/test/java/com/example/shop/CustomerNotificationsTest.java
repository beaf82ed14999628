package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Customers have sequence ids: awaited by the Long the service returns. */
@SpringBootTest
@PgNotifications(tables = {"customers", "orders", "order_lines"})
@Timeout(60)
class CustomerNotificationsTest {

    @Autowired
    ShopService shop;

    @BeforeEach
    void remember(@Autowired ApplicationContext context) {
        SharedContext.ranIn(context, getClass());
    }

    @Test
    void aRegisteredCustomerIsAwaitedByItsLongId(NotificationRecorder recorder) {
        long id = shop.register("Ada Lovelace", "ada@example.com");

        ChangeEvent inserted = recorder.channel("customers").awaitInsert(id);

        assertThat(inserted.record()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("version", 0L);
        recorder.channel("customers").assertNothingElse();
    }

    @Test
    void aRenameIsAnUpdateThatBumpsTheVersion(NotificationRecorder recorder) {
        long id = shop.register("Grace", "grace@example.com");
        recorder.channel("customers").awaitInsert(id);

        shop.rename(id, "Grace Hopper");

        ChangeEvent updated = recorder.channel("customers").awaitUpdate(id);
        assertThat(updated.old()).containsEntry("name", "Grace").containsEntry("version", 0L);
        assertThat(updated.record()).containsEntry("name", "Grace Hopper").containsEntry("version", 1L);
    }
}
