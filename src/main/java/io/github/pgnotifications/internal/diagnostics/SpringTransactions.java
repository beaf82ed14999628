package io.github.pgnotifications.internal.diagnostics;

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
        if (StaticFlags.ask(TEST_TRANSACTION, "isActive")) {
            return Optional.of(Kind.TEST_MANAGED);
        }
        return StaticFlags.ask(SYNCHRONIZATION, "isActualTransactionActive") ? Optional.of(Kind.APPLICATION)
                : Optional.empty();
    }
}
