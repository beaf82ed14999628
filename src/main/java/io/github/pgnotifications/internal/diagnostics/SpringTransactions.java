package io.github.pgnotifications.internal.diagnostics;

import java.lang.reflect.Method;
import java.util.Optional;

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
            Method check = method(loader, type, method);
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

    private static Method method(ClassLoader loader, String type, String method) {
        if (loader == null) {
            return null;
        }
        try {
            return Class.forName(type, false, loader).getMethod(method);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
