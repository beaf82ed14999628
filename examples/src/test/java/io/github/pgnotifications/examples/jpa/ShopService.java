package io.github.pgnotifications.examples.jpa;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the shop does, each call in a transaction of its own. */
@Service
public class ShopService {

    private final Customers customers;
    private final Orders orders;

    public ShopService(Customers customers, Orders orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** Registers a customer and returns its id, from the sequence. */
    @Transactional
    public long register(String name) {
        return customers.save(new Customer(name)).getId();
    }

    /** Places an order and returns its id, a UUID. */
    @Transactional
    public UUID placeOrder(long customerId, BigDecimal total) {
        return orders.save(new PurchaseOrder(customers.getReferenceById(customerId), total, OffsetDateTime.now()))
                .getId();
    }

    /** Removes a customer; JPA cascades the removal to its orders. */
    @Transactional
    public void remove(long customerId) {
        customers.delete(customers.findById(customerId).orElseThrow());
    }
}
