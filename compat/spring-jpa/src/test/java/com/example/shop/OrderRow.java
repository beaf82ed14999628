package com.example.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code orders} as the trigger sends it, read with {@code recordAs}: columns by name, typed. */
record OrderRow(UUID id, Long customerId, OrderStatus status, BigDecimal total, OffsetDateTime placedAt, Long version) {
}
