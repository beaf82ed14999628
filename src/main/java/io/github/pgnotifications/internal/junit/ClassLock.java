package io.github.pgnotifications.internal.junit;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One test at a time per annotated class on JUnit before 5.12, which cannot be told per-class locks
 * ({@link OneTestAtATime}): a test takes its class's lock before its {@code @BeforeEach} methods and gives it back
 * after its {@code @AfterEach} methods. The wait lets JUnit's fork-join pool add a thread meanwhile, so parallelism
 * is kept for other classes. Thread-safe.
 */
final class ClassLock {

    /** Whether JUnit takes the per-class locks itself ({@code ResourceLocksProvider}, JUnit 5.12+). */
    static final boolean TAKEN_BY_JUNIT = exists("org.junit.jupiter.api.parallel.ResourceLocksProvider");

    private final ReentrantLock lock = new ReentrantLock();

    void acquire() {
        if (lock.isHeldByCurrentThread()) {
            lock.lock();
            return;
        }
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() {
                    lock.lock();
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return lock.tryLock();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void release() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ClassLock.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
