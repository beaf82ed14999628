package com.example;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Another profile: Quarkus stops the application the Accounts classes ran on and starts another. The old database is
 * dropped, the new application gets a new one, built again by its Flyway, and the recorder records there.
 */
@QuarkusTest
@TestProfile(CProfileTest.Another.class)
@PgNotifications(tables = "accounts")
class CProfileTest {

    public static class Another implements QuarkusTestProfile {
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String applicationUrl;

    @Test
    void theRecorderRecordsOnTheNewApplicationsDatabase(NotificationRecorder recorder, ConnectionInfo database) {
        String id = given().contentType("text/plain").body("Ada")
                .when().post("/accounts")
                .then().statusCode(200).extract().asString();

        assertThat(recorder.channel("accounts").awaitInsert(Long.valueOf(id)).record()).containsEntry("owner", "Ada");
        assertThat(database.jdbcUrl()).isEqualTo(applicationUrl).isNotEqualTo(FirstClass.databaseUrl());
    }

    @Test
    void thePreviousApplicationsDatabaseIsDropped(DataSource dataSource) throws SQLException {
        assumeTrue(FirstClass.databaseUrl() != null, "runs after AccountsResourceTest, in the same JVM");
        String previous = FirstClass.databaseUrl().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, previous);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("databases named " + previous).isZero();
            }
        }
    }
}
