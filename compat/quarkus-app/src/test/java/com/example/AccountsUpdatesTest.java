package com.example;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.PgNotificationsException;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@PgNotifications(tables = "accounts")
class AccountsUpdatesTest {

    @Inject
    AccountService accounts;

    @Test
    void aDepositUpdatesTheBalance(NotificationRecorder recorder) {
        long id = accounts.create("Grace", new BigDecimal("10.00")).id;
        recorder.channel("accounts").awaitInsert(id);

        given().contentType("text/plain").body("5").when().post("/accounts/{id}/deposits", id)
                .then().statusCode(204);

        ChangeEvent update = recorder.channel("accounts").awaitUpdate(id);
        assertThat(update.oldAs(Account.class).balance).isEqualByComparingTo("10");
        assertThat(update.recordAs(Account.class).balance).isEqualByComparingTo("15");
    }

    @Test
    void aRefusedWithdrawalSendsNothing(NotificationRecorder recorder) {
        long id = accounts.create("Linus", BigDecimal.ONE).id;
        recorder.channel("accounts").awaitInsert(id);

        assertThatThrownBy(() -> accounts.withdraw(id, BigDecimal.TEN)).isInstanceOf(IllegalStateException.class);

        recorder.channel("accounts").assertNothingElse();
    }

    @Test
    @TestTransaction
    void insideATestTransactionAnAbsenceCheckRefusesToPass(NotificationRecorder recorder) {
        accounts.create("Barbara", BigDecimal.ONE);

        assertThatThrownBy(() -> recorder.channel("accounts").assertNothingElse())
                .isInstanceOf(PgNotificationsException.class)
                .hasMessageContaining("inside a transaction of the Quarkus application that has not ended");
    }

    @Test
    @TestTransaction
    void insideATestTransactionAnUnflushedChangeCannotPassForNothingSent(NotificationRecorder recorder) {
        String id = given().contentType("text/plain").body("Niklaus").when().post("/accounts")
                .then().statusCode(200).extract().asString();
        recorder.channel("accounts").awaitInsert(Long.valueOf(id));

        accounts.deposit(Long.parseLong(id), BigDecimal.ONE);

        assertThatThrownBy(() -> recorder.channel("accounts").assertNothingElse())
                .isInstanceOf(PgNotificationsException.class)
                .hasMessageContaining("@TestTransaction test, which is rolled back and never commits");
    }

    @Test
    void sharesTheRunningApplicationsDatabaseWithTheFirstClass(ConnectionInfo database, DataSource dataSource)
            throws SQLException {
        assumeTrue(FirstClass.databaseUrl() != null, "runs after AccountsResourceTest, in the same JVM");
        assertThat(database.jdbcUrl()).isEqualTo(FirstClass.databaseUrl());
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM accounts WHERE owner = 'Ada'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("accounts AccountsResourceTest opened").isEqualTo(1);
        }
    }
}
