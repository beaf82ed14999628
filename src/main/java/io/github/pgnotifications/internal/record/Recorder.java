package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.ListenerGap;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.PgNotificationsException;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.diagnostics.AwaitMessages;
import io.github.pgnotifications.internal.diagnostics.Hazards;
import io.github.pgnotifications.internal.diagnostics.Seen;
import io.github.pgnotifications.internal.diagnostics.StackTraces;
import io.github.pgnotifications.internal.diagnostics.OtherDatabaseWrites;
import io.github.pgnotifications.internal.diagnostics.UncommittedWriters;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.github.pgnotifications.internal.listen.ListenException;
import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder of one test class: a listener on a dedicated connection feeding a {@link Journal}; a connection of
 * the listener's own sends the private sync notifications. Thread-safe.
 */
public final class Recorder implements AssertableRecorder, AutoCloseable {

    private final Journal journal;
    private final NotificationListener listener;
    private final AtomicLong syncTokens = new AtomicLong();
    private final String syncChannel;
    private final Duration timeout;
    private final ChannelView.Context context;
    private final UncommittedWriters writers;

    private Recorder(Journal journal, NotificationListener listener, String syncChannel, Duration timeout,
                     ChannelView.Context context, UncommittedWriters writers) {
        this.journal = journal;
        this.listener = listener;
        this.syncChannel = syncChannel;
        this.timeout = timeout;
        this.context = context;
        this.writers = writers;
    }

    /**
     * Starts listening on the channels; returns once LISTEN is in effect.
     *
     * @param tableKeys   each table's key columns, to match ids against
     * @param rowTypes    each table's column types, to read row values as
     * @param channelKeys the key columns of the installed tables per channel, so that an await whose id cannot match
     *                    fails at once
     */
    public static Recorder start(ConnectionInfo database, List<String> channels, Duration timeout, KeyResolver tableKeys,
                                 RowTypes rowTypes, ChannelKeys channelKeys, NotificationListener.Health health,
                                 int maxRecorded) throws ListenException {
        String syncChannel = "pgnotifications_sync_" + UUID.randomUUID().toString().replace("-", "");
        Journal journal = new Journal(channels, syncChannel, maxRecorded);
        List<String> listened = new ArrayList<>(channels);
        listened.add(syncChannel);
        NotificationListener listener = NotificationListener.start(database, listened, journal, health);
        PayloadParser parser = new PayloadParser(rowTypes);
        UncommittedWriters writers = new UncommittedWriters(database);
        Failures failures = new Failures(journal, parser, tableKeys, channel -> Hazards.find(database, channel),
                writers::find, channel -> writtenElsewhere(database, channelKeys.tablesOf(List.of(channel))));
        Recorder[] self = new Recorder[1];
        ChannelView.Context context = new ChannelView.Context(journal, parser, tableKeys, channelKeys,
                () -> self[0].sync(), failures);
        self[0] = new Recorder(journal, listener, syncChannel, timeout, context, writers);
        return self[0];
    }

    /** The paragraph that says where else the tables were written, if they were. */
    private static Optional<String> writtenElsewhere(ConnectionInfo database, List<String> tables) {
        List<String> writes = OtherDatabaseWrites.find(database, tables);
        return writes.isEmpty() ? Optional.empty() : Optional.of(AwaitMessages.writtenInAnotherDatabase(
                JdbcUrl.parse(database.jdbcUrl()).database(), writes));
    }

    @Override
    public ChannelRecorder channel(String name) {
        if (name == null || !journal.listens(name)) {
            throw new IllegalArgumentException(Messages.notListened(name, journal.channelNames()));
        }
        return new ChannelView(context, name, timeout, List.of(), null);
    }

    @Override
    public Set<String> channels() {
        return new LinkedHashSet<>(journal.channelNames());
    }

    @Override
    public List<Notification> notifications() {
        return journal.all();
    }

    @Override
    public List<ListenerGap> gaps() {
        return journal.gaps();
    }

    /**
     * Sends a token on the private channel and waits for it. A connection lost on the way (the loss may predate the
     * call and only now be noticed) is waited out and the round trip repeated until the timeout: the loss itself is
     * in {@link #gaps()}, and the absence checks refuse to pass over it.
     */
    @Override
    public void sync() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                awaitListening(deadline);
                long gapsBefore = journal.gapsBegun();
                long token = syncTokens.incrementAndGet();
                try {
                    listener.notify(syncChannel, token, Math.max(1, remainingMillis(deadline)));
                    if (awaitToken(token, gapsBefore, deadline)) {
                        return;
                    }
                } catch (ListenException e) {
                    if (!e.isConnectionFailure() || System.nanoTime() >= deadline) {
                        throw StackTraces.fromCaller(new PgNotificationsException(AwaitMessages.syncFailed(
                                e.getMessage()), e));
                    }
                    awaitGapAfter(gapsBefore, deadline);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StackTraces.fromCaller(new PgNotificationsException(AwaitMessages.interrupted(
                    "the recorder's sync notification"), e));
        }
    }

    private void awaitListening(long deadline) throws InterruptedException {
        while (true) {
            long version = journal.version();
            if (journal.listening()) {
                return;
            }
            if (!journal.awaitChange(version, deadline)) {
                ListenerGap gap = journal.gapSince(Long.MAX_VALUE);
                throw StackTraces.fromCaller(new PgNotificationsException(AwaitMessages.stillReconnecting(
                        Durations.format(timeout), gap.lostAt(), gap.reason())));
            }
        }
    }

    /** @return false if a gap began meanwhile, so that the token may never come */
    private boolean awaitToken(long token, long gapsBefore, long deadline) throws InterruptedException {
        while (true) {
            long version = journal.version();
            if (journal.syncedToken() >= token) {
                return true;
            }
            if (journal.gapsBegun() > gapsBefore) {
                return false;
            }
            if (!journal.awaitChange(version, deadline)) {
                throw StackTraces.fromCaller(new PgNotificationsException(AwaitMessages.syncTimedOut(
                        Durations.format(timeout))));
            }
        }
    }

    /**
     * After a connection failure the listener may not have noticed yet: waits until it has (a gap began), so that the
     * next round trip goes to the new connection. Returns at the deadline without failing; the caller decides.
     */
    private void awaitGapAfter(long gapsBefore, long deadline) throws InterruptedException {
        while (true) {
            long version = journal.version();
            if (journal.gapsBegun() > gapsBefore || !journal.awaitChange(version, deadline)) {
                return;
            }
        }
    }

    private static long remainingMillis(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).toMillis();
    }

    @Override
    public void assertNothingOnAnyChannel(boolean elseOnly, String description) {
        new AllChannels(context).assertNothing(elseOnly, description);
    }

    @Override
    public void reset() {
        sync();
        journal.clear();
    }

    /**
     * What arrived during the current test, channel by channel, for a failure that is not the recorder's own (whose
     * message already says); empty when nothing arrived.
     */
    public Optional<String> recordedDuringTest(Throwable failure) {
        if (context.failures().reported(failure)) {
            return Optional.empty();
        }
        try {
            sync();
        } catch (RuntimeException e) {
            // Show what did arrive.
        }
        Map<String, List<Seen>> seen = context.failures().seen(new KeyColumns(List.of(), context.keys()));
        List<String> blocks = new ArrayList<>();
        seen.forEach((channel, lines) -> {
            if (!lines.isEmpty()) {
                blocks.add(AwaitMessages.channelBlock(channel, lines));
            }
        });
        return blocks.isEmpty() ? Optional.empty() : Optional.of(AwaitMessages.recordedDuringTest(blocks));
    }

    /** Keeps every payload of these channels, across resets, for the contract check ({@link #takeTapped()}). */
    public void tap(Set<String> channels) {
        journal.tap(channels);
    }

    /** The kept payloads of the tapped channels since the last call; sync first for all that was committed. */
    public List<Notification> takeTapped() {
        return journal.takeTapped();
    }

    @Override
    public void close() {
        listener.close();
        writers.close();
    }
}
