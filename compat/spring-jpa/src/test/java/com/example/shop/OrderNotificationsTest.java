package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Orders have UUID ids, money, a time and a status: awaited by UUID, read back typed. */
@SpringBootTest
@PgNotifications(tables = {"customers", "orders", "order_lines"})
@Timeout(60)
class OrderNotificationsTest {

    @Autowired
    ShopService shop;

    @BeforeEach
    void remember(@Autowired ApplicationContext context) {
        SharedContext.ranIn(context, getClass());
    }

    @Test
    void aPlacedOrderIsAwaitedByItsUuidAndReadTyped(NotificationRecorder recorder) {
        long customer = shop.register("Alan", "alan-" + UUID.randomUUID() + "@example.com");
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        UUID id = shop.placeOrder(customer, Map.of("tea", 3), new BigDecimal("2.50"));

        OrderRow order = recorder.channel("orders").awaitInsert(id).recordAs(OrderRow.class);
        assertThat(order.id()).isEqualTo(id);
        assertThat(order.customerId()).isEqualTo(customer);
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.total()).isEqualByComparingTo("7.50");
        assertThat(order.placedAt()).isAfter(before);
        assertThat(order.version()).isZero();
    }

    @Test
    void cancellingIsAnUpdateOfTheStatus(NotificationRecorder recorder) {
        long customer = shop.register("Barbara", "barbara-" + UUID.randomUUID() + "@example.com");
        UUID id = shop.placeOrder(customer, Map.of("coffee", 1), new BigDecimal("4.00"));

        shop.cancel(id);

        ChangeEvent cancelled = recorder.channel("orders").awaitUpdate(id);
        assertThat(cancelled.oldAs(OrderRow.class).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(cancelled.recordAs(OrderRow.class).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.recordAs(OrderRow.class).version()).isEqualTo(1L);
    }

    @Test
    void fiftyLinesInOneBatchAreFiftyNotifications(NotificationRecorder recorder) {
        long customer = shop.register("Edsger", "edsger-" + UUID.randomUUID() + "@example.com");
        Map<String, Integer> products = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            products.put("product " + i, i);
        }

        shop.placeOrder(customer, products, BigDecimal.ONE);

        assertThat(recorder.channel("order_lines").awaitCount(50)).hasSize(50);
        recorder.channel("order_lines").assertNothingElse();
    }
}
