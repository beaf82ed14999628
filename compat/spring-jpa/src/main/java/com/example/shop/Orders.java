package com.example.shop;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Orders extends JpaRepository<PurchaseOrder, UUID> {
}
