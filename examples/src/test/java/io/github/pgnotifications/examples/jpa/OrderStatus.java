package io.github.pgnotifications.examples.jpa;

/** Where an order stands; stored as its name. */
public enum OrderStatus {
    PLACED, CANCELLED
}
