package io.github.pgnotifications.examples.spring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs up customers: one row in {@code customers} per call, in a transaction of its own unless the caller already
 * has one (then it joins it, and nothing is committed, or notified, before the caller commits).
 */
@Service
public class CustomerService {

    private final JdbcClient jdbc;

    public CustomerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a customer and returns its generated id. */
    @Transactional
    public long signUp(String name, String email) {
        return jdbc.sql("INSERT INTO customers (name, email) VALUES (:name, :email) RETURNING id")
                .param("name", name)
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
