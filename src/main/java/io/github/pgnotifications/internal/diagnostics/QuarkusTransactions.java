package io.github.pgnotifications.internal.diagnostics;

/**
 * Whether the calling thread is inside a JTA transaction of a Quarkus application ({@code QuarkusTransaction.isActive()},
 * read reflectively: Quarkus is never a dependency of the library): a {@code @TestTransaction} test, rolled back after
 * the test method, or a {@code @Transactional} test method or application method, committed when it returns. What the
 * thread wrote may not even be flushed to the database yet, so the server cannot show it.
 */
public final class QuarkusTransactions {

    private static final String QUARKUS_TRANSACTION = "io.quarkus.narayana.jta.QuarkusTransaction";

    private QuarkusTransactions() {
    }

    public static boolean onThisThread() {
        return StaticFlags.ask(QUARKUS_TRANSACTION, "isActive");
    }
}
