package com.example.shop;

/** Where an order stands; stored as its name. */
public enum OrderStatus {
    PLACED, PAID, CANCELLED
}
