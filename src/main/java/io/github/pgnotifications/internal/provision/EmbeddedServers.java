package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.SetupException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one embedded server of the JVM, whatever class loaders loaded the library. A framework may load it more than
 * once (Quarkus: the system class loader for plain test classes, a class loader of its own per application), and each
 * copy would otherwise start a server of its own. The copy in the system class loader owns the server where it
 * exists: that loader lives as long as the JVM, so the shutdown hook that stops the server can still load what it
 * needs, which a framework's closed class loader may not. Other copies ask it through {@link #shared()}, which passes
 * only JDK types. Where the system class loader has no copy, the first copy to start a server publishes it
 * ({@link JvmWide}) and the others use it. Each copy still creates, and drops, its own databases.
 */
public final class EmbeddedServers {

    private static final Log LOG = Log.of(EmbeddedServers.class);

    private EmbeddedServers() {
    }

    /**
     * For a copy of the library in another class loader: the JVM's embedded server, started if none is running, as
     * {@code port} and {@code versionNumber}. Called by name; keep the signature.
     */
    public static Map<String, String> shared() {
        return ((EmbeddedServer) Servers.embedded()).coordinates();
    }

    /** The JVM's embedded server, started by this copy of the library only where no other copy owns it. */
    static EmbeddedServer obtain() {
        return fromSystemClassLoader().orElseGet(() -> JvmWide.embeddedServer(EmbeddedServers::publishedByAnotherCopy,
                () -> {
                    EmbeddedServer started = EmbeddedServer.start();
                    return new JvmWide.Started<>(started, started.coordinates());
                }));
    }

    private static EmbeddedServer publishedByAnotherCopy(Map<String, String> coordinates) {
        LOG.debug("Using the embedded PostgreSQL another copy of the library started in this JVM, on port {}",
                coordinates.get("port"));
        return EmbeddedServer.startedElsewhere(coordinates);
    }

    /** The server of the system class loader's copy of the library, if that copy exists and is not this one. */
    private static Optional<EmbeddedServer> fromSystemClassLoader() {
        Class<?> there;
        try {
            there = Class.forName(EmbeddedServers.class.getName(), false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
        if (there == EmbeddedServers.class) {
            return Optional.empty();
        }
        Map<String, String> coordinates = askForServer(there);
        if (coordinates == null || !coordinates.keySet().containsAll(List.of("port", "versionNumber"))) {
            return Optional.empty();
        }
        LOG.debug("Using the embedded PostgreSQL of the system class loader's copy of the library, on port {}",
                coordinates.get("port"));
        return Optional.of(EmbeddedServer.startedElsewhere(coordinates));
    }

    /**
     * The other copy's server, through {@link #shared()}; null where that copy is another version of the library,
     * without the method: the server is then shared through the system properties instead.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> askForServer(Class<?> otherCopy) {
        MethodHandle shared;
        try {
            shared = MethodHandles.publicLookup().findStatic(otherCopy, "shared", MethodType.methodType(Map.class));
        } catch (ReflectiveOperationException | SecurityException e) {
            LOG.debug("The system class loader's copy of the library cannot share its server: {}", e.toString());
            return null;
        }
        try {
            return (Map<String, String>) shared.invoke();
        } catch (RuntimeException e) {
            // The other copy failed to start the server; its exception is of its own classes.
            throw new SetupException(e.getMessage(), e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SetupException(e.toString(), e);
        }
    }
}
