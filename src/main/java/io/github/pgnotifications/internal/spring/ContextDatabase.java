package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.TestDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The database of one application context, registered in it as a bean: prepared when the context was built, shared
 * by every test class that uses the (cached) context, dropped when the context closes, after its other beans are
 * destroyed (Hibernate's {@code create-drop} drops its schema then, through the application's pool). Thread-safe.
 */
public final class ContextDatabase {

    /** The bean's name. */
    public static final String BEAN_NAME = "pgNotificationsContextDatabase";

    private final TestDatabase database;
    private final ServerContext ownServer;
    private final MergedContextConfiguration configuration;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param ownServer     a server context made for this application context alone, closed with it; null when the
     *                      run's
     * @param configuration the context's key in Spring's context cache
     */
    ContextDatabase(TestDatabase database, ServerContext ownServer, MergedContextConfiguration configuration) {
        this.database = database;
        this.ownServer = ownServer;
        this.configuration = configuration;
    }

    /** The context's key in Spring's context cache. */
    MergedContextConfiguration configuration() {
        return configuration;
    }

    public ConnectionInfo connectionInfo() {
        return database.connectionInfo();
    }

    public String name() {
        return database.name();
    }

    /** For a context whose bean factory cannot say when its beans are destroyed: drops the database as it closes. */
    ApplicationListener<ContextClosedEvent> closedWithContext() {
        return new ApplicationListener<>() {
            @Override
            public void onApplicationEvent(ContextClosedEvent event) {
                close();
            }
        };
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                database.close();
            } finally {
                if (ownServer != null) {
                    ownServer.close();
                }
            }
        }
    }
}
