package io.github.pgnotifications.internal.diagnostics;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Whether the calling thread is inside a Spring transaction that has not ended, read reflectively (Spring is never a
 * dependency of the library): a test-managed one ({@code TestTransaction.isActive()}, a {@code @Transactional} test
 * or a slice such as {@code @DataJpaTest}), else any ({@code TransactionSynchronizationManager
 * .isActualTransactionActive()}, inside a {@code TransactionTemplate} or a {@code @Transactional} method). Looked up
 * in the thread's context class loader, where a test's Spring lives, then in the library's own.
 */
public final class SpringTransactions {

    /** The kind of transaction the thread is in. */
    public enum Kind {
        /** Spring's test-managed transaction, rolled back (or committed) after the test method. */
        TEST_MANAGED,
        /** A transaction the application's code began, committed when its method or callback returns. */
        APPLICATION
    }

    private static final String TEST_TRANSACTION = "org.springframework.test.context.transaction.TestTransaction";
    private static final String SYNCHRONIZATION =
            "org.springframework.transaction.support.TransactionSynchronizationManager";

    private static final Object NOT_FOUND = new Object();
    /** Per class loader (weakly, so that a test's class loader can go): each method found, or NOT_FOUND. */
    private static final Map<ClassLoader, Map<String, Object>> FOUND = new WeakHashMap<>();

    private SpringTransactions() {
    }

    /** The transaction the calling thread is in; empty when none, or when Spring is not on the class path. */
    public static Optional<Kind> onThisThread() {
        if (asks(TEST_TRANSACTION, "isActive")) {
            return Optional.of(Kind.TEST_MANAGED);
        }
        return asks(SYNCHRONIZATION, "isActualTransactionActive") ? Optional.of(Kind.APPLICATION) : Optional.empty();
    }

    private static boolean asks(String type, String method) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                SpringTransactions.class.getClassLoader()}) {
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
