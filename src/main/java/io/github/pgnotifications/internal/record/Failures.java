package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ListenerGap;
import io.github.pgnotifications.PgNotificationsException;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.diagnostics.AwaitMessages;
import io.github.pgnotifications.internal.diagnostics.Hazards;
import io.github.pgnotifications.internal.diagnostics.NearMisses;
import io.github.pgnotifications.internal.diagnostics.QuarkusTransactions;
import io.github.pgnotifications.internal.diagnostics.Seen;
import io.github.pgnotifications.internal.diagnostics.SpringTransactions;
import io.github.pgnotifications.internal.diagnostics.StackTraces;
import io.github.pgnotifications.internal.diagnostics.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Turns what the journal holds into the failures a user reads: the journal's entries become plain {@link Seen}
 * values, read with the failing await's key, and the texts come from the diagnostics package. Every failure starts at
 * the user's line. Built on the failing thread, outside any lock the listener needs.
 */
final class Failures {

    private final Journal journal;
    private final PayloadParser parser;
    private final KeyResolver tableKeys;
    private final Function<String, Hazards.Found> hazards;
    private final Function<List<String>, List<String>> uncommittedWriters;
    private final Function<String, Optional<String>> writtenElsewhere;
    private final Set<Throwable> reported = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * @param hazards what on the server keeps notifications from arriving, and whether any trigger sends to the
     *                channel given (a channel nothing arrived on, or null)
     * @param uncommittedWriters sessions with uncommitted writes to the tables given ({@code schema.table}; empty:
     *                           to any), as sentences
     * @param writtenElsewhere where the tables of a channel were written in other databases of the server, as a
     *                         paragraph; asked only when nothing arrived on the channel
     */
    Failures(Journal journal, PayloadParser parser, KeyResolver tableKeys, Function<String, Hazards.Found> hazards,
             Function<List<String>, List<String>> uncommittedWriters,
             Function<String, Optional<String>> writtenElsewhere) {
        this.journal = journal;
        this.parser = parser;
        this.tableKeys = tableKeys;
        this.hazards = hazards;
        this.uncommittedWriters = uncommittedWriters;
        this.writtenElsewhere = writtenElsewhere;
    }

    AssertionFailedError timedOut(String channel, Duration timeout, Expectation expected) {
        KeyColumns keys = expected.keys() != null ? expected.keys() : new KeyColumns(List.of(), tableKeys);
        Map<String, List<Seen>> channels = seen(keys);
        List<Seen> here = channels.get(channel);
        List<String> gaps = journal.gaps().stream().map(Failures::gap).toList();
        List<String> nearMisses = NearMisses.find(expected.action() == null ? null : expected.action().name(),
                expected.id(), channel, channels);
        Hazards.Found server = hazards.apply(here.isEmpty() ? channel : null);
        List<Seen> beforeTest = seen(journal.beforeReset(channel).stream().filter(expected::matchedEarlier).toList(),
                keys, journal.since());
        String message = AwaitMessages.timedOut(expected.description(), channel, Durations.format(timeout), here,
                expected.progress() == null ? null : expected.progress().get(), nearMisses, gaps,
                server.senderMissing() && beforeTest.isEmpty(), beforeTest);
        if (here.isEmpty()) {
            message += writtenElsewhere.apply(channel).map(paragraph -> "\n" + paragraph).orElse("");
        }
        long dropped = journal.dropped();
        if (dropped > 0) {
            message += "\n" + AwaitMessages.dropped(dropped, journal.maxRecorded());
        }
        List<String> found = new ArrayList<>();
        SpringTransactions.onThisThread().ifPresent(kind -> found.add(AwaitMessages.springTransactionOpen(
                kind == SpringTransactions.Kind.TEST_MANAGED)));
        if (QuarkusTransactions.onThisThread()) {
            found.add(AwaitMessages.quarkusTransactionOpen());
        }
        found.addAll(server.hazards());
        return report(new AssertionFailedError(described(expected.assertion(), AwaitMessages.withHazards(message,
                found)), expected.description(), String.join("\n", Timeline.newestLines(here))));
    }

    /**
     * Fails an absence check that could not have seen what it checks: the calling thread is inside a Spring or Quarkus
     * transaction that has not ended, or a session holds uncommitted writes to {@code tables} (empty: to any table).
     *
     * @param where how the message names the channels, e.g. {@code channel 'users'}
     */
    void requireProvable(String what, String where, List<String> tables, String assertion) {
        Optional<SpringTransactions.Kind> spring = SpringTransactions.onThisThread();
        if (spring.isPresent()) {
            throw report(new PgNotificationsException(described(assertion, AwaitMessages
                    .cannotProveInSpringTransaction(what, where, spring.get() == SpringTransactions.Kind.TEST_MANAGED))));
        }
        if (QuarkusTransactions.onThisThread()) {
            throw report(new PgNotificationsException(described(assertion, AwaitMessages
                    .cannotProveInQuarkusTransaction(what, where))));
        }
        List<String> sessions = uncommittedWriters.apply(tables);
        if (!sessions.isEmpty()) {
            throw report(new PgNotificationsException(described(assertion, AwaitMessages
                    .cannotProveWithUncommittedWriters(what, where, sessions))));
        }
    }

    PgNotificationsException gapDuringWait(Expectation expected, ListenerGap gap) {
        return report(new PgNotificationsException(described(expected.assertion(),
                AwaitMessages.gapDuringWait(expected.description(), gap.lostAt(), gap.reason()))));
    }

    PgNotificationsException interrupted(String expectation, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return StackTraces.fromCaller(new PgNotificationsException(AwaitMessages.interrupted(expectation), cause));
    }

    /** @param where how the message names the channels, e.g. {@code channel 'users'} */
    PgNotificationsException cannotProveAbsence(String what, String where, ListenerGap gap, String assertion) {
        return report(new PgNotificationsException(described(assertion, AwaitMessages.cannotProveAbsence(what,
                where, gap.lostAt(), gap.reason()))));
    }

    /** @param arrived per channel, what arrived that the check counts; channels with nothing are left out */
    AssertionFailedError expectedNothingOnAnyChannel(String what, Map<String, List<Entry>> arrived,
                                                     String assertion) {
        KeyColumns keys = new KeyColumns(List.of(), tableKeys);
        Instant since = journal.since();
        List<String> blocks = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<Entry>> channel : arrived.entrySet()) {
            List<Seen> seen = seen(channel.getValue(), keys, since);
            blocks.add(AwaitMessages.channelBlock(channel.getKey(), seen));
            lines.addAll(Timeline.newestLines(seen));
            count += seen.size();
        }
        return report(new AssertionFailedError(described(assertion, AwaitMessages.expectedNothingOnAnyChannel(what,
                count, blocks)), "nothing", String.join("\n", lines)));
    }

    AssertionFailedError expectedNothing(String what, String channel, List<Entry> arrived, String assertion) {
        List<Seen> lines = seen(arrived, new KeyColumns(List.of(), tableKeys), journal.since());
        return report(new AssertionFailedError(described(assertion, AwaitMessages.expectedNothing(what, channel,
                lines)), "nothing", String.join("\n", Timeline.newestLines(lines))));
    }

    /** Whether this failure, or one it wraps, came from here and so already shows what arrived. */
    boolean reported(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (reported.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private <T extends Throwable> T report(T failure) {
        reported.add(failure);
        return StackTraces.fromCaller(failure);
    }

    /** AssertJ's form for a described assertion: {@code [description] message}. */
    private static String described(String assertion, String message) {
        return assertion == null || assertion.isEmpty() ? message : "[" + assertion + "] " + message;
    }

    /** What every channel recorded, as the await reads keys. */
    Map<String, List<Seen>> seen(KeyColumns keys) {
        Instant since = journal.since();
        Map<String, List<Seen>> channels = new LinkedHashMap<>();
        journal.allChannels().forEach((name, entries) -> channels.put(name, seen(entries, keys, since)));
        return channels;
    }

    List<Seen> seen(List<Entry> entries, KeyColumns keys, Instant since) {
        List<Seen> seen = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            seen.add(seen(entry, keys, since));
        }
        return seen;
    }

    private Seen seen(Entry entry, KeyColumns keys, Instant since) {
        long offset = Duration.between(since, entry.notification().receivedAt()).toMillis();
        ChangeEvent event = entry.change(parser);
        if (event == null) {
            return new Seen(entry.notification().channel(), offset, null, null, List.of(), null, false,
                    entry.claimed(), false, entry.notification().payload());
        }
        return new Seen(entry.notification().channel(), offset, event.action().name(),
                event.schema() + "." + event.table(), keys.of(event), keys.valueOf(event), keys.present(event),
                entry.claimed(), event.truncated(), entry.notification().payload());
    }

    private static String gap(ListenerGap gap) {
        return AwaitMessages.gap(gap.lostAt(), gap.restoredAt(), gap.reason());
    }
}
