package com.example.shop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the shop does, each call in a transaction of its own. */
@Service
public class ShopService {

    private final Customers customers;
    private final Orders orders;
    private final Clock clock;

    public ShopService(Customers customers, Orders orders) {
        this.customers = customers;
        this.orders = orders;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public long register(String name, String email) {
        return customers.save(new Customer(name, email)).getId();
    }

    @Transactional
    public void rename(long customerId, String name) {
        customers.findById(customerId).orElseThrow().rename(name);
    }

    /** Places an order of the given products (name to quantity), each at the given unit price. */
    @Transactional
    public UUID placeOrder(long customerId, Map<String, Integer> products, BigDecimal unitPrice) {
        PurchaseOrder order = new PurchaseOrder(customers.getReferenceById(customerId), OffsetDateTime.now(clock));
        products.forEach((product, quantity) -> order.add(product, quantity, unitPrice));
        return orders.save(order).getId();
    }

    @Transactional
    public void cancel(UUID orderId) {
        orders.findById(orderId).orElseThrow().cancel();
    }

    /** Removes a customer; JPA cascades the removal to its orders and their lines. */
    @Transactional
    public void remove(long customerId) {
        customers.delete(customers.findById(customerId).orElseThrow());
    }
}
