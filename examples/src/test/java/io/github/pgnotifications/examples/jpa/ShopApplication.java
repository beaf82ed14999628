package io.github.pgnotifications.examples.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with Spring Data JPA over Hibernate, the code under test in
 * {@link ShopNotificationsTest}: {@link ShopService} registers {@link Customer}s and places {@link PurchaseOrder}s,
 * and the application's own Flyway builds the schema when it starts (from {@code db/shop} in the test).
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Starts the application; the tests start it through {@code @SpringBootTest} instead.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
