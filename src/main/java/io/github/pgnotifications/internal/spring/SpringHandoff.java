package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the JUnit extension hands to the Spring context customizer while it asks Spring for a test class's
 * application context: the run's server and the class's settings as JUnit's configuration resolves them. Set only
 * for the duration of that call, on that thread; when Spring loads a context some other way, the customizer finds
 * nothing here and resolves both itself.
 *
 * @param server   the run's server, kept by the extension in JUnit's root store
 * @param settings the class's settings
 */
public record SpringHandoff(ServerContext server, SessionSettings settings) {

    private static final ThreadLocal<SpringHandoff> CURRENT = new ThreadLocal<>();

    /** Runs {@code load} with this handoff visible to the customizer on this thread. */
    public <T> T during(Supplier<T> load) {
        SpringHandoff outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return load.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static Optional<SpringHandoff> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
