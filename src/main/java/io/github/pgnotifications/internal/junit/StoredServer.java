package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.internal.provision.ServerContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A run's server context as kept in the root store, closed by JUnit when the run ends: a {@code CloseableResource}
 * for JUnit before 5.13, an {@code AutoCloseable} after, closed once either way.
 */
@SuppressWarnings("deprecation")
final class StoredServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final ServerContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    StoredServer(ServerContext context) {
        this.context = context;
    }

    ServerContext context() {
        return context;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            context.close();
        }
    }
}
