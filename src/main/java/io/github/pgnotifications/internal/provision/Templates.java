package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Identifiers;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The templates of one run: the first class that asks for a preparation builds a database with it (migrations,
 * scripts, triggers) and every class with the same preparation gets a copy ({@code CREATE DATABASE ... TEMPLATE}),
 * with the next copy made ahead of time on a background thread, so that a class rarely waits for one. Classes that
 * ask while a template is being built wait for it; a template is never copied before it is complete. Where a copy
 * cannot be made, the class's database is prepared from scratch, with one log line that says why. Thread-safe.
 */
final class Templates implements AutoCloseable {

    private static final Log LOG = Log.of(Templates.class);

    private final ServerContext context;
    private final ConcurrentHashMap<String, CompletableFuture<Template>> byDigest = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final AdminConnection aheadAdmin;
    private ExecutorService ahead;
    private boolean closed;

    Templates(ServerContext context) {
        this.context = context;
        this.aheadAdmin = new AdminConnection(context.server());
    }

    @SuppressWarnings("unchecked")
    <T> ServerContext.Prepared<T> database(String digest, Function<ConnectionInfo, T> prepare) {
        Template template = template(digest, prepare);
        if (template == null) {
            return context.fresh(prepare);
        }
        TestDatabase copy = template.take();
        template.prepareNext(executor());
        return copy != null ? new ServerContext.Prepared<>(copy, (T) template.schema) : context.fresh(prepare);
    }

    /** The template of a preparation, built on first use; null where none can be built (no CREATE DATABASE). */
    private Template template(String digest, Function<ConnectionInfo, ?> prepare) {
        CompletableFuture<Template> mine = new CompletableFuture<>();
        CompletableFuture<Template> existing = byDigest.putIfAbsent(digest, mine);
        if (existing != null) {
            return await(existing);
        }
        try {
            Template built = build(prepare);
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Template build(Function<ConnectionInfo, ?> prepare) {
        TestDatabase database = TestDatabase.create(context, context.names().template());
        if (database.isShared()) {
            return null;
        }
        try {
            return new Template(database.name(), prepare.apply(database.connectionInfo()));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** Waits for a template another class is building; its failure is this class's failure too. */
    private static Template await(CompletableFuture<Template> building) {
        try {
            return building.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private ExecutorService executor() {
        synchronized (lock) {
            if (ahead == null && !closed) {
                ahead = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "pg-notifications-prepare-ahead");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return closed ? null : ahead;
        }
    }

    /** Drops the copies made ahead and the templates, once the background thread has finished. */
    @Override
    public void close() {
        ExecutorService running;
        synchronized (lock) {
            closed = true;
            running = ahead;
        }
        if (running != null) {
            // A copy still being made is left to finish on its own (it drops itself, see copy), so that a server
            // that stopped answering cannot hold up the end of the run for more than a few seconds.
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Template> all = new ArrayList<>();
        byDigest.values().forEach(future -> {
            try {
                Template template = future.getNow(null);
                if (template != null) {
                    all.add(template);
                }
            } catch (CompletionException failedToBuild) {
                // Nothing was left: a failed build drops its database.
            }
        });
        all.forEach(Template::drop);
        aheadAdmin.close();
    }

    /** One template and the copy of it made ahead for the next class. Guarded by itself. */
    private final class Template {

        private final String name;
        private final Object schema;
        private final AtomicBoolean refusalReported = new AtomicBoolean();
        private CompletableFuture<TestDatabase> next;

        Template(String name, Object schema) {
            this.name = name;
            this.schema = schema;
        }

        /** The copy made ahead (waiting for it if it is being made), else a new copy; null if none can be made. */
        TestDatabase take() {
            CompletableFuture<TestDatabase> made;
            synchronized (this) {
                made = next;
                next = null;
            }
            if (made != null) {
                try {
                    TestDatabase copy = made.join();
                    if (copy != null) {
                        return copy;
                    }
                } catch (CompletionException e) {
                    LOG.debug("The copy of {} made ahead failed: {}", name, e.getMessage());
                }
            }
            return copy(true);
        }

        /** Starts making the next class's copy on the background thread, unless one is made already. */
        void prepareNext(ExecutorService executor) {
            synchronized (this) {
                if (next == null && executor != null) {
                    next = CompletableFuture.supplyAsync(() -> copy(false), executor);
                }
            }
        }

        private TestDatabase copy(boolean forAClassNow) {
            try {
                TestDatabase copy = TestDatabase.cloneOf(context, forAClassNow ? context.admin() : aheadAdmin, name,
                        context.names().testDatabase());
                if (!forAClassNow && isClosed()) {
                    copy.close();
                    return null;
                }
                return copy;
            } catch (SQLException e) {
                if (forAClassNow && refusalReported.compareAndSet(false, true)) {
                    LOG.warn(Messages.templateCopyFailed(name, context.server().description(), e.getMessage(),
                            TestDatabase.inUse(e)));
                }
                return null;
            }
        }

        /** Drops the copy made ahead, if any, then the template. */
        void drop() {
            CompletableFuture<TestDatabase> made;
            synchronized (this) {
                made = next;
                next = null;
            }
            if (made != null) {
                made.thenAccept(copy -> {
                    if (copy != null) {
                        copy.close();
                    }
                });
            }
            try {
                context.admin().execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
            } catch (SQLException | SetupException e) {
                LOG.warn("Could not drop template {} on {}: {}", name, context.server().description(),
                        e.getMessage());
            }
        }
    }
}
