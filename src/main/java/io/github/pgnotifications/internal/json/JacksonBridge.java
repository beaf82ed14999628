package io.github.pgnotifications.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a payload as a test's own type with the test's own Jackson, so that the user's Jackson annotations and
 * modules apply and the library brings no Jackson of its own. Jackson 2 ({@code com.fasterxml.jackson.databind})
 * is preferred where both are found, then Jackson 3 ({@code tools.jackson.databind}). The class loaders asked, in
 * order: the type's, the thread's context loader, ours.
 */
public final class JacksonBridge {

    static final String NO_JACKSON = "payloadAs needs com.fasterxml.jackson.core:jackson-databind (2.x) or"
            + " tools.jackson.core:jackson-databind (3.x) on the test classpath; add one as a test dependency.";

    private JacksonBridge() {
    }

    /**
     * The payload read as {@code type}: properties the type does not declare are ignored, floating-point numbers
     * are exact, text after the value is an error.
     *
     * @throws JacksonReadException  when Jackson cannot read the payload as the type
     * @throws IllegalStateException when no Jackson is on the classpath
     */
    public static <T> T read(String payload, Class<T> type) throws JacksonReadException {
        return read(payload, type, loaders(type));
    }

    /** As {@link #read(String, Class)}, looking for Jackson in the given loaders only. */
    static <T> T read(String payload, Class<T> type, List<ClassLoader> loaders) throws JacksonReadException {
        JacksonMapper mapper = JacksonMapper.find(loaders).orElseThrow(() -> new IllegalStateException(NO_JACKSON));
        @SuppressWarnings("unchecked") // Jackson returns a T; type.cast would refuse it for int.class and the like
        T value = (T) mapper.read(payload, type);
        return value;
    }

    private static List<ClassLoader> loaders(Class<?> type) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        addIfPresent(loaders, type.getClassLoader());
        addIfPresent(loaders, Thread.currentThread().getContextClassLoader());
        addIfPresent(loaders, JacksonBridge.class.getClassLoader());
        return new ArrayList<>(loaders);
    }

    private static void addIfPresent(Set<ClassLoader> loaders, ClassLoader loader) {
        if (loader != null) {
            loaders.add(loader);
        }
    }
}
