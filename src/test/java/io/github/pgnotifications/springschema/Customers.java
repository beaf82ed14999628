package io.github.pgnotifications.springschema;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's repository. */
public interface Customers extends JpaRepository<Customer, Long> {
}
