package io.github.pgnotifications.examples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A JPA application tested through the notifications its writes cause. The application's own Flyway builds the
 * schema as the context starts; {@code @PgNotifications} names only the tables, and installs its triggers on them
 * once the context has started, before the first test. Ids are awaited as the service returns them, a {@code Long}
 * from a sequence and a {@code UUID}; a row is read back typed with {@code recordAs}.
 */
// The properties point the application's Flyway at this example's migrations and switch off Liquibase, which is on
// this project's test classpath for the library's own tests.
@SpringBootTest(properties = {"spring.flyway.locations=classpath:db/shop", "spring.liquibase.enabled=false",
        "spring.main.banner-mode=off", "spring.main.log-startup-info=false"})
@PgNotifications(tables = {"customers", "orders"})
@Timeout(60)
class ShopNotificationsTest {

    @Autowired
    private ShopService shop;

    @Test
    void aPlacedOrderIsAwaitedByItsIdAndReadTyped(NotificationRecorder recorder) {
        long customer = shop.register("Ada Lovelace");
        UUID id = shop.placeOrder(customer, new BigDecimal("42.50"));

        recorder.channel("customers").awaitInsert(customer);
        OrderRow order = recorder.channel("orders").awaitInsert(id).recordAs(OrderRow.class);

        assertThat(order.customerId()).isEqualTo(customer);
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.total()).isEqualByComparingTo("42.50");
        assertThat(order.version()).isZero();
    }

    @Test
    void removingACustomerCascadesToItsOrders(NotificationRecorder recorder) {
        long customer = shop.register("Grace Hopper");
        UUID first = shop.placeOrder(customer, new BigDecimal("10.00"));
        UUID second = shop.placeOrder(customer, new BigDecimal("20.00"));

        shop.remove(customer);

        recorder.channel("orders").awaitDelete(first);
        recorder.channel("orders").awaitDelete(second);
        recorder.channel("customers").awaitDelete(customer);
    }
}
