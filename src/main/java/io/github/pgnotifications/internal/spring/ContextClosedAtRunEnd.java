package io.github.pgnotifications.internal.spring;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * An application context on the run's server, kept in JUnit's root store so that it is closed (and taken out of
 * Spring's context cache) when the run ends, while its server still answers, rather than by Spring's shutdown hook
 * as the JVM exits, side by side with the hook that stops the embedded server: a context whose Hibernate drops its
 * schema on close ({@code create-drop}) would otherwise wait out its pool's connection timeout, 30 s by default.
 * Stored after the server, so closed before it. A {@code CloseableResource} for JUnit before 5.13, an
 * {@code AutoCloseable} after, closed once either way.
 */
@SuppressWarnings("deprecation")
final class ContextClosedAtRunEnd implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final MergedContextConfiguration configuration;
    private final AtomicBoolean closed = new AtomicBoolean();

    ContextClosedAtRunEnd(MergedContextConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            new DefaultCacheAwareContextLoaderDelegate().closeContext(configuration, HierarchyMode.CURRENT_LEVEL);
        }
    }
}
