package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x {@link PgSubscriber}: one channel handler handing each payload to the waiting thread through a queue.
 * Optionally the waiting thread then reads the payload as the library does, to compare like with like.
 */
final class SubscriberWaiter implements Waiter {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Handoff handoff = new Handoff();
    private final boolean parsing;
    private final Vertx vertx;
    private final PgSubscriber subscriber;

    SubscriberWaiter(ConnectionInfo database, String channel, boolean parsing) throws Exception {
        this.parsing = parsing;
        vertx = Vertx.vertx();
        subscriber = PgSubscriber.subscriber(vertx, options(database));
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        subscriber.channel(channel).subscribeHandler(ignored -> subscribed.complete(null)).handler(handoff::offer);
        try {
            await(subscriber.connect());
            subscribed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private static PgConnectOptions options(ConnectionInfo database) {
        return PgConnectOptions.fromUri(database.jdbcUrl().substring("jdbc:".length()))
                .setUser(database.username())
                .setPassword(database.password());
    }

    @Override
    public String name() {
        return parsing ? "Vert.x PgSubscriber + queue, parsing like the library" : "Vert.x PgSubscriber + queue";
    }

    @Override
    public void forget() {
        handoff.clear();
    }

    @Override
    public Instant awaitInsert(int id) throws Exception {
        Received received = handoff.awaitId(id, TIMEOUT);
        if (parsing) {
            PayloadParsing.likeTheLibrary(received.payload());
        }
        return received.at();
    }

    @Override
    public void close() throws Exception {
        await(subscriber.close());
        await(vertx.close());
    }

    private static void await(Future<Void> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
