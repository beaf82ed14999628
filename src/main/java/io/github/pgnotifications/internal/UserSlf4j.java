package io.github.pgnotifications.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SLF4J of the user's classpath, reached by name through method handles. Named at run time, never in a constant:
 * the shade plugin rewrites every {@code org.slf4j} it finds in the jar's classes, constants included, to the
 * relocated copy that only the embedded server uses. Found only where a provider is on the classpath, and found
 * without initialising SLF4J, which would print its "no providers" notice itself. Thread-safe.
 */
final class UserSlf4j {

    enum Level {
        ERROR, WARN, INFO, DEBUG, TRACE;

        String method() {
            return name().toLowerCase(Locale.ROOT);
        }

        String enabledMethod() {
            return "is" + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT) + "Enabled";
        }
    }

    private static final String PACKAGE = String.join(".", "org", "slf4j");
    /** The setting that names SLF4J's provider; also built at run time, since the jar's copy reads another. */
    private static final String PROVIDER_PROPERTY = String.join(".", "slf4j", "provider");

    private final MethodHandle getLogger;
    private final Map<Level, MethodHandle> enabled;
    private final Map<Level, MethodHandle> log;

    private UserSlf4j(MethodHandle getLogger, Map<Level, MethodHandle> enabled, Map<Level, MethodHandle> log) {
        this.getLogger = getLogger;
        this.enabled = enabled;
        this.log = log;
    }

    /** The user's SLF4J, or null where it is missing or has no provider. */
    static UserSlf4j find(ClassLoader loader) {
        if (!bound(loader)) {
            return null;
        }
        try {
            Class<?> factory = Class.forName(PACKAGE + ".LoggerFactory", true, loader);
            Class<?> logger = Class.forName(PACKAGE + ".Logger", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle getLogger = lookup.findStatic(factory, "getLogger", MethodType.methodType(logger,
                    String.class)).asType(MethodType.methodType(Object.class, String.class));
            Map<Level, MethodHandle> enabled = new EnumMap<>(Level.class);
            Map<Level, MethodHandle> log = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                enabled.put(level, lookup.findVirtual(logger, level.enabledMethod(),
                        MethodType.methodType(boolean.class)).asType(MethodType.methodType(boolean.class,
                        Object.class)));
                log.put(level, lookup.findVirtual(logger, level.method(), MethodType.methodType(void.class,
                        String.class)).asType(MethodType.methodType(void.class, Object.class, String.class)));
            }
            return new UserSlf4j(getLogger, enabled, log);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * Whether SLF4J has a provider: the setting that names one, a service entry (SLF4J 2) or a static binder
     * (SLF4J 1.7).
     */
    private static boolean bound(ClassLoader loader) {
        String path = PACKAGE.replace('.', '/');
        return loader.getResource(path + "/LoggerFactory.class") != null
                && (System.getProperty(PROVIDER_PROPERTY) != null
                || loader.getResource("META-INF/services/" + PACKAGE + ".spi.SLF4JServiceProvider") != null
                || loader.getResource(path + "/impl/StaticLoggerBinder.class") != null);
    }

    Object logger(String name) {
        try {
            return (Object) getLogger.invokeExact(name);
        } catch (Throwable e) {
            return null;
        }
    }

    boolean isEnabled(Object logger, Level level) {
        try {
            return (boolean) enabled.get(level).invokeExact(logger);
        } catch (Throwable e) {
            return false;
        }
    }

    void log(Object logger, Level level, String message) {
        try {
            log.get(level).invokeExact(logger, message);
        } catch (Throwable e) {
            // Logging must never fail the caller; a provider that throws loses this line.
        }
    }
}
