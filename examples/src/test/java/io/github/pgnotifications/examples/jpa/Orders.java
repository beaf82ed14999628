package io.github.pgnotifications.examples.jpa;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The orders, through Spring Data JPA. */
public interface Orders extends JpaRepository<PurchaseOrder, UUID> {
}
