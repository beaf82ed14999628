package io.github.pgnotifications.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A tiny Spring Boot application, the code under test in {@link SpringBootExampleTest}: {@link CustomerService}
 * writes to the {@code customers} table with {@link org.springframework.jdbc.core.simple.JdbcClient}, and Flyway
 * creates the schema from {@code db/migration} when the application starts, including the team's own trigger that
 * announces each new customer on the channel {@code customer_events}. In the test, {@code @PgNotifications(flyway)}
 * has run the same migrations before Spring starts, so Spring's Flyway finds the schema up to date.
 */
@SpringBootApplication
public class CustomerApplication {

    /**
     * Starts the application; the tests start it through {@code @SpringBootTest} instead.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(CustomerApplication.class, args);
    }
}
