package com.example;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A @QuarkusTest class without @PgNotifications: its application gets the library's database all the same. */
@QuarkusTest
class AccountsWithoutPgNotificationsTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String applicationUrl;

    @Test
    void theApplicationRunsOnTheLibrarysDatabase() {
        assertThat(applicationUrl).startsWith("jdbc:postgresql://").doesNotContain(".invalid");
        given().contentType("text/plain").body("Edsger").when().post("/accounts").then().statusCode(200);
    }

    @Test
    void itIsTheDatabaseTheAnnotatedClassesShare() {
        assumeTrue(FirstClass.databaseUrl() != null, "runs after AccountsResourceTest, in the same JVM");
        assertThat(applicationUrl).isEqualTo(FirstClass.databaseUrl());
    }
}
