package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.PgNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Runs last (surefire's alphabetical order): the classes before it, alike in configuration, shared one context. */
@SpringBootTest
@PgNotifications(tables = {"customers", "orders", "order_lines"})
class ZOneContextTest {

    @Test
    void theClassesSharedOneApplicationContext(@Autowired ApplicationContext context) {
        assertThat(SharedContext.CLASSES).containsExactlyInAnyOrder("CustomerNotificationsTest",
                "OrderNotificationsTest", "RemovalCascadeTest");
        assertThat(SharedContext.SEEN).containsExactly(context);
    }
}
