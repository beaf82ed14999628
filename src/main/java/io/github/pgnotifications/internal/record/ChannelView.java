package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ExpectedChange;
import io.github.pgnotifications.ListenerGap;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.diagnostics.AwaitMessages;
import io.github.pgnotifications.internal.diagnostics.Texts;
import io.github.pgnotifications.internal.values.EntityKeys;
import io.github.pgnotifications.internal.values.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An immutable view of one channel's recording with a timeout and a key choice. Every await runs its search and the
 * user's condition on the calling thread, holding no lock the listener needs; it claims what it found under the
 * channel's claim lock, and parks until something new arrives.
 */
final class ChannelView implements AssertableChannel {

    /** What a view shares with its recorder. */
    record Context(Journal journal, PayloadParser parser, KeyResolver keys, ChannelKeys channelKeys, Runnable sync,
                   Failures failures) {
    }

    private final Context context;
    private final String name;
    private final Duration timeout;
    private final KeyColumns keyColumns;
    private final String description;

    ChannelView(Context context, String name, Duration timeout, List<String> keyedBy, String description) {
        this.context = context;
        this.name = name;
        this.timeout = timeout;
        this.keyColumns = new KeyColumns(keyedBy, context.keys());
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ChannelRecorder within(Duration newTimeout) {
        if (newTimeout == null || newTimeout.isZero() || newTimeout.isNegative()) {
            throw new IllegalArgumentException(Messages.badWithin(newTimeout));
        }
        return new ChannelView(context, name, newTimeout, keyColumns.explicit(), description);
    }

    @Override
    public ChannelRecorder keyedBy(String... columns) {
        if (columns == null || columns.length == 0 || Arrays.stream(columns).anyMatch(c -> c == null || c.isEmpty())) {
            throw new IllegalArgumentException(Messages.badKeyedBy(columns));
        }
        return new ChannelView(context, name, timeout, List.of(columns), description);
    }

    @Override
    public AssertableChannel describedAs(String newDescription) {
        return new ChannelView(context, name, timeout, keyColumns.explicit(), newDescription);
    }

    @Override
    public void awaitReceived(int count) {
        await(() -> context.journal().since(name, 0).size() >= count ? Boolean.TRUE : null,
                Expectation.of(count + " notification(s)", keyColumns, entry -> true));
    }

    @Override
    public void syncToProve(String what) {
        context.sync().run();
        List<ListenerGap> gaps = context.journal().gaps();
        if (!gaps.isEmpty()) {
            throw context.failures().cannotProveAbsence(what, "channel '" + name + "'", gaps.get(gaps.size() - 1),
                    description);
        }
        context.failures().requireProvable(what, "channel '" + name + "'", context.channelKeys().tablesOf(
                List.of(name)), description);
    }

    @Override
    public void claimAll() {
        context.journal().log(name).claimAll(context.journal().since(name, 0).stream()
                .filter(entry -> !entry.claimed()).toList());
    }

    @Override
    public ChangeEvent awaitInsert(Object id) {
        return awaitChange(ChangeEvent.Action.INSERT, id);
    }

    @Override
    public ChangeEvent awaitUpdate(Object id) {
        return awaitChange(ChangeEvent.Action.UPDATE, id);
    }

    @Override
    public ChangeEvent awaitDelete(Object id) {
        return awaitChange(ChangeEvent.Action.DELETE, id);
    }

    @Override
    public ChangeEvent awaitTruncate() {
        return await("TRUNCATE", event -> event.action() == ChangeEvent.Action.TRUNCATE);
    }

    @Override
    public Notification awaitPayload(String payload) {
        Objects.requireNonNull(payload, "payload");
        return awaitNotification("a notification with payload " + Texts.preview(payload),
                notification -> notification.payload().equals(payload));
    }

    private ChangeEvent awaitChange(ChangeEvent.Action action, Object given) {
        Object id = EntityKeys.keyOf(Objects.requireNonNull(given, "id"));
        context.channelKeys().check(name, keyColumns, id, context.parser().types());
        Journal journal = context.journal();
        return await(() -> {
            KeyIndex index = journal.index(name, keyColumns.explicit(), c -> new KeyIndex(keyColumns, context.parser()));
            Entry found = index.claimOldest(action, id, position -> journal.since(name, position),
                    journal.first(name), journal.log(name)::claim);
            if (found == null && !keyColumns.isExplicit() && !index.keylessTables().isEmpty()) {
                throw context.channelKeys().noKey(name, List.copyOf(index.keylessTables()), id);
            }
            ChangeEvent cut = found == null ? index.truncatedWithoutKey(action) : null;
            if (cut != null) {
                throw new IllegalStateException(Messages.keyLeftOut(describe(action, id), action.name(), name,
                        cut.schema() + "." + cut.table(), keyColumns.of(cut), List.copyOf(cut.record().keySet()),
                        cut.omittedColumns()));
            }
            return found == null ? null : found.change(context.parser());
        }, Expectation.byId(describe(action, id), action, id, keyColumns, entry -> sameChange(entry, action, id)));
    }

    private boolean sameChange(Entry entry, ChangeEvent.Action action, Object id) {
        ChangeEvent event = entry.change(context.parser());
        return event != null && event.action() == action && keyColumns.present(event)
                && Values.matches(keyColumns.valueOf(event), id);
    }

    private String describe(ChangeEvent.Action action, Object id) {
        return action + " " + Texts.key(keyColumns.isExplicit() ? keyColumns.explicit() : List.of("id"), id);
    }

    @Override
    public ChangeEvent await(String description, Predicate<? super ChangeEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        Scan scan = new Scan(context.journal(), name);
        return await(() -> {
            for (Entry entry : scan.next()) {
                ChangeEvent event = entry.claimed() ? null : entry.change(context.parser());
                if (event != null && condition.test(event) && context.journal().log(name).claim(entry)) {
                    return event;
                }
            }
            return null;
        }, Expectation.of(description, keyColumns, entry -> {
            ChangeEvent event = entry.change(context.parser());
            return event != null && condition.test(event);
        }));
    }

    @Override
    public Notification awaitNotification(String description, Predicate<? super Notification> condition) {
        Objects.requireNonNull(condition, "condition");
        Scan scan = new Scan(context.journal(), name);
        return await(() -> {
            for (Entry entry : scan.next()) {
                if (!entry.claimed() && condition.test(entry.notification())
                        && context.journal().log(name).claim(entry)) {
                    return entry.notification();
                }
            }
            return null;
        }, Expectation.of(description, keyColumns, entry -> condition.test(entry.notification())));
    }

    @Override
    public List<ChangeEvent> awaitSequence(ExpectedChange... expected) {
        if (expected == null || expected.length == 0) {
            throw new IllegalArgumentException(Messages.emptySequence());
        }
        ExpectedChange[] byKey = Arrays.stream(expected)
                .map(change -> new ExpectedChange(change.action(), EntityKeys.keyOf(change.id())))
                .toArray(ExpectedChange[]::new);
        return awaitSequenceOf(byKey);
    }

    private List<ChangeEvent> awaitSequenceOf(ExpectedChange... expected) {
        Arrays.stream(expected).forEach(change -> context.channelKeys().check(name, keyColumns, change.id(),
                context.parser().types()));
        Sequence sequence = new Sequence(List.of(expected));
        String description = Arrays.stream(expected).map(change -> describe(change.action(), change.id()))
                .collect(Collectors.joining(", then ")) + " (in this order)";
        return await(sequence::find, Expectation.of(description, keyColumns, entry -> Arrays.stream(expected)
                .anyMatch(change -> sameChange(entry, change.action(), change.id())))
                .withProgress(sequence::progress));
    }

    @Override
    public List<Notification> awaitNext(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(Messages.badCount(count));
        }
        Journal journal = context.journal();
        return await(() -> {
            while (true) {
                List<Entry> unclaimed = journal.since(name, 0).stream().filter(entry -> !entry.claimed()).toList();
                if (unclaimed.size() < count) {
                    return null;
                }
                List<Entry> chosen = unclaimed.subList(0, count);
                if (journal.log(name).claimAll(chosen)) {
                    return chosen.stream().map(Entry::notification).toList();
                }
            }
        }, Expectation.of(count + " notification(s) no earlier await returned", keyColumns, entry -> true));
    }

    @Override
    public void assertNothingElse() {
        assertNone("nothing else", entry -> !entry.claimed());
    }

    @Override
    public void assertNothingReceived() {
        assertNone("nothing", entry -> true);
    }

    /**
     * Fails unless nothing matching has arrived once everything committed so far has ({@code sync}); or if the
     * recorder was not listening at some time since the test started, since what was committed then is unknown.
     */
    private void assertNone(String what, Predicate<Entry> counted) {
        syncToProve(what);
        List<Entry> found = context.journal().since(name, 0).stream().filter(counted).toList();
        if (!found.isEmpty()) {
            throw context.failures().expectedNothing(what, name, found, description);
        }
    }

    /** Waits until the search finds something; see {@link Waiting}. */
    private <T> T await(Supplier<T> search, Expectation expected) {
        return new Waiting(context.journal(), context.failures()).until(name, timeout, search,
                expected.describedAs(description));
    }

    @Override
    public List<Notification> notifications() {
        return context.journal().since(name, 0).stream().map(Entry::notification).toList();
    }

    @Override
    public List<ChangeEvent> changes() {
        return context.journal().since(name, 0).stream().map(entry -> entry.change(context.parser()))
                .filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "ChannelRecorder[" + name + ", within " + Durations.format(timeout) + "]";
    }

    /**
     * Walks a channel's recording once, a batch of new entries at a time; starts over after a reset, since positions
     * then count from zero again. Used by one await on one thread.
     */
    static final class Scan {

        private final Journal journal;
        private final String channel;
        private long generation;
        private int next;
        private boolean startedOver;

        Scan(Journal journal, String channel) {
            this.journal = journal;
            this.channel = channel;
            this.generation = journal.generation();
        }

        List<Entry> next() {
            long now = journal.generation();
            startedOver = now != generation;
            if (startedOver) {
                generation = now;
                next = 0;
            }
            List<Entry> batch = journal.since(channel, next);
            if (!batch.isEmpty()) {
                next = batch.get(batch.size() - 1).position() + 1;
            }
            return batch;
        }

        /** Whether the last {@link #next()} started over because the recorder was reset. */
        boolean startedOver() {
            return startedOver;
        }

        void restart() {
            next = 0;
        }
    }

    /** The state of one {@code awaitSequence}: how much of it has been seen in order so far. */
    private final class Sequence {

        private final List<ExpectedChange> expected;
        private final Scan scan = new Scan(context.journal(), name);
        private final List<Entry> matched = new ArrayList<>();

        Sequence(List<ExpectedChange> expected) {
            this.expected = expected;
        }

        synchronized List<ChangeEvent> find() {
            while (true) {
                List<Entry> batch = scan.next();
                if (scan.startedOver() || !matched.isEmpty() && matched.get(0).position()
                        < context.journal().first(name)) {
                    matched.clear();
                    scan.restart();
                    batch = scan.next();
                }
                for (Entry entry : batch) {
                    if (matched.size() < expected.size() && matchesNext(entry)) {
                        matched.add(entry);
                    }
                }
                if (matched.size() < expected.size()) {
                    return null;
                }
                if (context.journal().log(name).claimAll(matched)) {
                    return matched.stream().map(entry -> entry.change(context.parser())).toList();
                }
                matched.clear();
                scan.restart();
            }
        }

        private boolean matchesNext(Entry entry) {
            ChangeEvent event = entry.claimed() ? null : entry.change(context.parser());
            ExpectedChange next = expected.get(matched.size());
            return event != null && event.action() == next.action() && keyColumns.present(event)
                    && Values.matches(keyColumns.valueOf(event), next.id());
        }

        synchronized String progress() {
            List<String> arrived = expected.subList(0, matched.size()).stream()
                    .map(change -> describe(change.action(), change.id())).toList();
            List<String> missing = expected.subList(matched.size(), expected.size()).stream()
                    .map(change -> describe(change.action(), change.id())).toList();
            return AwaitMessages.sequenceProgress(arrived, missing);
        }
    }
}
