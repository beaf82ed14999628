package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Removing a customer cascades (in JPA) to its orders and their lines: deletes on three channels. */
@SpringBootTest
@PgNotifications(tables = {"customers", "orders", "order_lines"})
@Timeout(60)
class RemovalCascadeTest {

    @Autowired
    ShopService shop;

    @BeforeEach
    void remember(@Autowired ApplicationContext context) {
        SharedContext.ranIn(context, getClass());
    }

    @Test
    void removingACustomerDeletesItsOrdersAndTheirLines(NotificationRecorder recorder) {
        long customer = shop.register("Barbara Liskov", "liskov-" + UUID.randomUUID() + "@example.com");
        UUID first = shop.placeOrder(customer, Map.of("pen", 2, "ink", 1), new BigDecimal("1.20"));
        UUID second = shop.placeOrder(customer, Map.of("paper", 5), new BigDecimal("0.10"));
        recorder.channel("order_lines").awaitCount(3);

        shop.remove(customer);

        recorder.channel("customers").awaitDelete(customer);
        recorder.channel("orders").awaitDelete(first);
        recorder.channel("orders").awaitDelete(second);
        assertThat(recorder.channel("order_lines").changes().stream()
                .filter(change -> change.action() == ChangeEvent.Action.DELETE)
                .map(change -> change.record().get("order_id")))
                .hasSize(3).containsOnly(first, second);
    }
}
