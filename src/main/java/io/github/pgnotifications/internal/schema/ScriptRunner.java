package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Runs scripts as written: the whole text goes to the server at once, so dollar-quoted bodies need no splitting. */
public final class ScriptRunner {

    private ScriptRunner() {
    }

    /** Runs the script on a connection opened with {@code preferQueryMode=simple}; errors name script, line, column. */
    public static void run(Connection connection, Script script) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(script.sql());
        } catch (SQLException e) {
            throw new SetupException(Messages.scriptFailed(script.location(), e.getSQLState(), serverMessage(e),
                    where(script.sql(), e)), e);
        }
    }

    private static String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server == null || server.getMessage() == null ? e.getMessage() : server.getMessage();
    }

    /** "line 3, column 8" from the server's 1-based character position, or "" when the server gave none. */
    static String where(String sql, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        if (position <= 0 || position > sql.length() + 1) {
            return "";
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position - 1; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (position - lineStart);
    }
}
