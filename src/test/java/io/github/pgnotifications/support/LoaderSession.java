package io.github.pgnotifications.support;

import io.github.pgnotifications.PgNotificationsSession;
import java.util.function.Function;

/**
 * A session of the library opened in whatever class loader loaded this class, for tests of a library loaded more than
 * once (as Quarkus does); reached from other loaders through JDK types only ({@link ClassLoaderSessions}). Answers a
 * query with its first value, on the session's database.
 */
public final class LoaderSession implements Function<String, String>, AutoCloseable {

    private final PgNotificationsSession session = PgNotificationsSession.builder().channels("c").start();

    @Override
    public String apply(String query) {
        return Sql.column(session.dataSource(), query).get(0);
    }

    @Override
    public void close() {
        session.close();
    }
}
