package io.github.pgnotifications.internal.provision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread of the run's, started on first use, with an admin connection of its own, for work kept off the
 * classes' time: copies of templates made ahead, drops of finished classes' copies. Thread-safe.
 */
final class BackgroundWork implements AutoCloseable {

    /** How long the end of a run waits for what is left: a server that stopped answering must not hold it up. */
    private static final long FINISH_SECONDS = 5;

    private final String threadName;
    private final AdminConnection admin;
    private final Object lock = new Object();
    private ExecutorService executor;
    private boolean closed;

    BackgroundWork(PostgresServer server, String threadName) {
        this.threadName = threadName;
        this.admin = new AdminConnection(server);
    }

    /** The connection the thread's statements go through. */
    AdminConnection admin() {
        return admin;
    }

    /** The thread, started on first use; null once the run is ending. */
    ExecutorService executor() {
        synchronized (lock) {
            if (executor == null && !closed) {
                executor = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return closed ? null : executor;
        }
    }

    /** Hands work to the thread; false if it takes no more, the run ending, for the caller to do it itself. */
    boolean submit(Runnable work) {
        ExecutorService running = executor();
        if (running == null) {
            return false;
        }
        try {
            running.execute(work);
            return true;
        } catch (RejectedExecutionException runEnding) {
            return false;
        }
    }

    /** Waits until the thread has done what it was given so far (nothing, if it never started). */
    void awaitGiven() {
        ExecutorService running;
        synchronized (lock) {
            running = closed ? null : executor;
        }
        if (running != null) {
            try {
                CompletableFuture.runAsync(() -> { }, running).join();
            } catch (RuntimeException rejectedOrFailed) {
                // The run is ending: nothing is left to wait for.
            }
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Lets what the thread was given finish, for a few seconds at most, then closes the connection. */
    @Override
    public void close() {
        ExecutorService running;
        synchronized (lock) {
            closed = true;
            running = executor;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        admin.close();
    }
}
