package io.github.pgnotifications.examples.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** The customers, through Spring Data JPA. */
public interface Customers extends JpaRepository<Customer, Long> {
}
