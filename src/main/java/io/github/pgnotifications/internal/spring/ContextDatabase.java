package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.TestDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The database of one application context, registered in it as a bean: prepared when the context was built, shared
 * by every test class that uses the (cached) context, dropped when the context closes. Thread-safe.
 */
public final class ContextDatabase implements ApplicationListener<ContextClosedEvent> {

    /** The bean's name. */
    public static final String BEAN_NAME = "pgNotificationsContextDatabase";

    private final TestDatabase database;
    private final ServerContext ownServer;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param ownServer a server context made for this application context alone, closed with it; null when the run's
     */
    ContextDatabase(TestDatabase database, ServerContext ownServer) {
        this.database = database;
        this.ownServer = ownServer;
    }

    public ConnectionInfo connectionInfo() {
        return database.connectionInfo();
    }

    public String name() {
        return database.name();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        close();
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
