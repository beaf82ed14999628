package com.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application under test: Spring Boot's JDBC auto-configuration, a Hikari pool from spring.datasource. */
@SpringBootApplication
public class ItemsApplication {
}
