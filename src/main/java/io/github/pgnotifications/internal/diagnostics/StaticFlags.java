package io.github.pgnotifications.internal.diagnostics;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A static boolean method of a framework the library never depends on, asked reflectively: looked up in the thread's
 * context class loader, where a test's framework lives, then in the library's own. False when the class is absent or
 * the call fails.
 */
final class StaticFlags {

    private static final Object NOT_FOUND = new Object();
    /** Per class loader (weakly, so that a test's class loader can go): each method found, or NOT_FOUND. */
    private static final Map<ClassLoader, Map<String, Object>> FOUND = new WeakHashMap<>();

    private StaticFlags() {
    }

    static boolean ask(String type, String method) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                StaticFlags.class.getClassLoader()}) {
            Method check = loader == null ? null : cached(loader, type + "#" + method, () -> method(loader, type,
                    method));
            if (check != null) {
                try {
                    return Boolean.TRUE.equals(check.invoke(null));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Looked up once per class loader: a class that is not there costs a search of the whole class path. A method
     * found is held weakly, since it would hold its class loader (the map's key) and keep it from being collected;
     * if it goes, it is looked up again.
     */
    private static Method cached(ClassLoader loader, String key, Supplier<Method> find) {
        synchronized (FOUND) {
            Map<String, Object> methods = FOUND.computeIfAbsent(loader, l -> new HashMap<>());
            Object known = methods.get(key);
            if (known == NOT_FOUND) {
                return null;
            }
            Method method = known instanceof WeakReference<?> reference ? (Method) reference.get() : null;
            if (method == null) {
                method = find.get();
                methods.put(key, method == null ? NOT_FOUND : new WeakReference<>(method));
            }
            return method;
        }
    }

    private static Method method(ClassLoader loader, String type, String method) {
        try {
            return Class.forName(type, false, loader).getMethod(method);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
