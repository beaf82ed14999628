package io.github.pgnotifications.support;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.PgNotificationsSession;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A second JVM that opens a session through the public API on each JDBC URL it is given (user {@code args[0]}, then
 * one URL per further argument), sends a notification on channel {@code c} and waits for the recorder to receive it.
 * It prints {@code received=<payload>} or {@code failure=<message>} per URL, for a parent that runs it with system
 * properties of its own (another {@code user.home}, another trust store).
 */
public final class UrlSessionJvm {

    private UrlSessionJvm() {
    }

    public static void main(String[] args) {
        PrintStream toParent = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 1; i < args.length; i++) {
            toParent.println(roundTrip(args[i], args[0]));
        }
    }

    private static String roundTrip(String url, String user) {
        try (PgNotificationsSession session = PgNotificationsSession.builder().channels("c")
                .server(new ConnectionInfo(url, user, "")).start()) {
            Sql.exec(session.dataSource(), "NOTIFY c, 'from the child JVM'");
            return "received=" + session.recorder().channel("c").awaitPayload("from the child JVM").payload();
        } catch (RuntimeException e) {
            return "failure=" + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }
}
