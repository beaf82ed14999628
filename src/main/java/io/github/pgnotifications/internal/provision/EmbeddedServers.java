package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.SetupException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
        return fromSystemClassLoader().orElseGet(() -> JvmWide.embeddedServer(EmbeddedServer::startedElsewhere,
                () -> {
                    EmbeddedServer started = EmbeddedServer.start();
                    return new JvmWide.Started<>(started, started.coordinates());
                }));
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
        try {
            MethodHandle shared = MethodHandles.publicLookup().findStatic(there, "shared",
                    MethodType.methodType(Map.class));
            @SuppressWarnings("unchecked")
            Map<String, String> coordinates = (Map<String, String>) shared.invoke();
            LOG.debug("Using the embedded PostgreSQL of the system class loader's copy of the library, on port {}",
                    coordinates.get("port"));
            return Optional.of(EmbeddedServer.startedElsewhere(coordinates));
        } catch (RuntimeException e) {
            // The system class loader's copy failed to start the server: its exception is of its own classes.
            throw new SetupException(e.getMessage(), e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Another version of the library, without this method: share through the system properties instead.
            LOG.debug("Could not ask the system class loader's copy of the library for its server: {}", e.toString());
            return Optional.empty();
        }
    }
}
