package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Change triggers installed on two tables, each reporting on the channel named after it: the routing the seed's Go
 * client does by hand with a map from channel name to consumer. A transaction that writes both tables is delivered
 * on both channels at its commit, and each channel's recording holds only its own table's changes.
 */
@PgNotifications(tables = {"users", "orders"}, scripts = "classpath:shop.sql")
class RoutingExampleTest {

    @Test
    void eachTableReportsOnItsOwnChannel(NotificationRecorder recorder, DataSource db) throws SQLException {
        placeFirstOrder(db, "ada", 1);

        assertThat(recorder.channel("users").awaitInsert("ada").table()).isEqualTo("users");
        assertThat(recorder.channel("orders").awaitInsert(1).table()).isEqualTo("orders");
    }

    @Test
    void channelHoldsNoChangeOfTheOtherTable(NotificationRecorder recorder, DataSource db) throws SQLException {
        placeFirstOrder(db, "grace", 2);

        recorder.sync(); // returns once everything committed so far has arrived

        assertThat(recorder.channel("users").changes()).extracting(ChangeEvent::table).containsExactly("users");
        assertThat(recorder.channel("orders").changes()).extracting(ChangeEvent::table).containsExactly("orders");
        assertThat(recorder.notifications()).extracting(Notification::channel).containsExactly("users", "orders");
    }

    @Test
    void integerKeyMatchesByValue(NotificationRecorder recorder, DataSource db) throws SQLException {
        placeFirstOrder(db, "alan", 7);
        ChannelRecorder orders = recorder.channel("orders");

        ChangeEvent order = orders.awaitInsert(7);

        assertThat(order.record()).containsEntry("id", 7).containsEntry("user_id", "alan");
        orders.assertNothingElse(); // that insert was the only notification on 'orders'.
    }

    @Test
    void rolledBackTransactionNotifiesNeitherChannel(NotificationRecorder recorder, DataSource db)
            throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            insertUserAndOrder(connection, "ghost", 13);
            connection.rollback();
        }

        recorder.sync();

        assertThat(recorder.notifications()).isEmpty();
    }

    /** Inserts a user and their first order in one transaction. */
    private static void placeFirstOrder(DataSource db, String userId, int orderId) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            insertUserAndOrder(connection, userId, orderId);
            connection.commit();
        }
    }

    private static void insertUserAndOrder(Connection connection, String userId, int orderId) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)");
             PreparedStatement order = connection.prepareStatement(
                     "INSERT INTO orders (id, user_id, item, quantity) VALUES (?, ?, 'notebook', 1)")) {
            user.setString(1, userId);
            user.setString(2, "Customer " + userId);
            user.executeUpdate();
            order.setInt(1, orderId);
            order.setString(2, userId);
            order.executeUpdate();
        }
    }
}
