package io.github.pgnotifications.internal.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * One Jackson's {@code JsonMapper}, configured for payloads and driven through method handles. Immutable and safe
 * to share between threads, as Jackson's mapper is.
 *
 * <p>Reflective rather than two small classes compiled against Jackson 2 and 3: a compiled class links to the
 * Jackson that our own class loader sees, while the user's type may come from a loader whose Jackson differs
 * (Quarkus, IDE runners, isolated plugin loaders); and the library then needs neither Jackson to compile, so its
 * pom declares none. What it touches has been stable since Jackson 2.10 and in 3.x: the mapper's builder,
 * {@code configure}, modules, {@code readValue}, and the exception's original message and location.
 */
final class JacksonMapper {

    /** Built once per Jackson found (building scans for modules and takes milliseconds); gone with its loader. */
    private static final ClassValue<JacksonMapper> BY_MAPPER_CLASS = new ClassValue<>() {
        @Override
        protected JacksonMapper computeValue(Class<?> mapperClass) {
            return create(Version.of(mapperClass), mapperClass);
        }
    };

    /** The Jacksons we can drive, in the order we prefer them. */
    enum Version {
        JACKSON_2("Jackson 2", packageName("com", "fasterxml", "jackson"), "core.JsonProcessingException"),
        JACKSON_3("Jackson 3", packageName("tools", "jackson"), "core.JacksonException");

        private final String title;
        private final String root;
        private final String failure;

        Version(String title, String root, String failure) {
            this.title = title;
            this.root = root;
            this.failure = root + "." + failure;
        }

        /**
         * Joined at run time, never a literal: the jar holds a relocated Jackson 3 of its own (the JSON Schema
         * validator's), and the shade plugin rewrites every class-name literal under a relocated package, which would
         * point payloadAs at that copy instead of the user's Jackson.
         */
        private static String packageName(String... parts) {
            return String.join(".", parts);
        }

        String mapperClass() {
            return root + ".databind.json.JsonMapper";
        }

        String featureClass() {
            return root + ".databind.DeserializationFeature";
        }

        static Version of(Class<?> mapperClass) {
            return mapperClass.getName().startsWith(JACKSON_3.root + ".") ? JACKSON_3 : JACKSON_2;
        }
    }

    private final MethodHandle readValue;
    private final Class<?> failureType;
    private final MethodHandle originalMessage;
    private final MethodHandle location;
    private final MethodHandle lineNr;
    private final MethodHandle columnNr;

    private JacksonMapper(MethodHandle readValue, Class<?> failureType) throws ReflectiveOperationException {
        this.readValue = readValue;
        this.failureType = failureType;
        Method getLocation = failureType.getMethod("getLocation");
        this.originalMessage = handle(failureType.getMethod("getOriginalMessage"));
        this.location = handle(getLocation);
        this.lineNr = handle(getLocation.getReturnType().getMethod("getLineNr"));
        this.columnNr = handle(getLocation.getReturnType().getMethod("getColumnNr"));
    }

    /** The mapper of the first loader that sees a Jackson, Jackson 2 before Jackson 3 within one loader. */
    static Optional<JacksonMapper> find(List<ClassLoader> loaders) {
        for (ClassLoader loader : loaders) {
            for (Version version : Version.values()) {
                Class<?> mapperClass = loadOrNull(version.mapperClass(), loader);
                if (mapperClass != null) {
                    return Optional.of(BY_MAPPER_CLASS.get(mapperClass));
                }
            }
        }
        return Optional.empty();
    }

    Object read(String payload, Class<?> type) throws JacksonReadException {
        try {
            return (Object) readValue.invokeExact(payload, (Class<?>) type);
        } catch (Throwable e) {
            if (failureType.isInstance(e)) {
                throw failure(e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Jackson failed to read a payload as " + type.getName(), e);
        }
    }

    private JacksonReadException failure(Throwable jacksonFailure) {
        try {
            String message = (String) originalMessage.invoke(jacksonFailure);
            Object at = location.invoke(jacksonFailure);
            int line = at == null ? -1 : (int) lineNr.invoke(at);
            int column = line < 0 ? -1 : (int) columnNr.invoke(at);
            return new JacksonReadException(message == null ? "" : message.strip(), line, column, jacksonFailure);
        } catch (Throwable e) {
            jacksonFailure.addSuppressed(e);
            return new JacksonReadException(String.valueOf(jacksonFailure.getMessage()), -1, -1, jacksonFailure);
        }
    }

    private static JacksonMapper create(Version version, Class<?> mapperClass) {
        ClassLoader loader = mapperClass.getClassLoader();
        try {
            Object builder = mapperClass.getMethod("builder").invoke(null);
            Class<?> feature = Class.forName(version.featureClass(), true, loader);
            Method configure = builder.getClass().getMethod("configure", feature, boolean.class);
            configure.invoke(builder, feature.getField("FAIL_ON_UNKNOWN_PROPERTIES").get(null), false);
            configure.invoke(builder, feature.getField("USE_BIG_DECIMAL_FOR_FLOATS").get(null), true);
            configure.invoke(builder, feature.getField("FAIL_ON_TRAILING_TOKENS").get(null), true);
            addModules(version, mapperClass, builder);
            Object mapper = builder.getClass().getMethod("build").invoke(builder);
            MethodHandle readValue = MethodHandles.publicLookup()
                    .findVirtual(mapperClass, "readValue", MethodType.methodType(Object.class, String.class, Class.class))
                    .bindTo(mapper);
            return new JacksonMapper(readValue, Class.forName(version.failure, false, loader));
        } catch (InvocationTargetException e) {
            throw cannotSetUp(version, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw cannotSetUp(version, e);
        }
    }

    /**
     * The modules the user has beside their Jackson (Jackson 2's jsr310, Kotlin, Guava...), as their own
     * {@code findAndRegisterModules()} would add them; found through the loader that holds Jackson.
     */
    private static void addModules(Version version, Class<?> mapperClass, Object builder)
            throws ReflectiveOperationException {
        ClassLoader loader = mapperClass.getClassLoader();
        if (version == Version.JACKSON_2) {
            Object modules = mapperClass.getMethod("findModules", ClassLoader.class).invoke(null, loader);
            builder.getClass().getMethod("addModules", Iterable.class).invoke(builder, modules);
        } else {
            builder.getClass().getMethod("findAndAddModules", ClassLoader.class).invoke(builder, loader);
        }
    }

    private static IllegalStateException cannotSetUp(Version version, Throwable cause) {
        return new IllegalStateException("payloadAs could not set up the " + version.title + " found on the classpath: "
                + cause, cause);
    }

    private static MethodHandle handle(Method method) throws IllegalAccessException {
        return MethodHandles.publicLookup().unreflect(method);
    }

    private static Class<?> loadOrNull(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
