package io.github.pgnotifications.examples.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order, with a UUID id, a money total, when it was placed and its status as text. */
@Entity
@Table(name = "orders")
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(optional = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    private OrderStatus status = OrderStatus.PLACED;

    private BigDecimal total;

    private OffsetDateTime placedAt;

    @Version
    private Long version;

    protected PurchaseOrder() {
    }

    PurchaseOrder(Customer customer, BigDecimal total, OffsetDateTime placedAt) {
        this.customer = customer;
        this.total = total;
        this.placedAt = placedAt;
    }

    public UUID getId() {
        return id;
    }
}
