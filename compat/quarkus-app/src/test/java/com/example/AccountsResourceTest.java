package com.example;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@PgNotifications(tables = "accounts")
class AccountsResourceTest {

    @Test
    void openingAnAccountInsertsIt(NotificationRecorder recorder) {
        String id = given().contentType("text/plain").body("Ada")
                .when().post("/accounts")
                .then().statusCode(200).extract().asString();

        ChangeEvent inserted = recorder.channel("accounts").awaitInsert(Long.valueOf(id));
        Account account = inserted.recordAs(Account.class);
        assertThat(account.owner).isEqualTo("Ada");
        assertThat(account.balance).isZero();
        recorder.channel("accounts").assertNothingElse();
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String applicationUrl;

    @Test
    void theRecorderListensOnTheDatabaseTheApplicationWritesTo(ConnectionInfo database) {
        assertThat(applicationUrl).startsWith("jdbc:postgresql://").doesNotContain(".invalid");
        assertThat(database.jdbcUrl()).isEqualTo(applicationUrl);
        FirstClass.databaseUrl(applicationUrl);
    }
}
