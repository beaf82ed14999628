package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ExpectedChange;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** An immutable view of one channel's recording with a timeout and a key choice. */
final class ChannelView implements ChannelRecorder {

    /** What a view shares with its recorder. */
    record Context(Journal journal, KeyResolver keys, Runnable sync, Supplier<List<String>> hazards) {
    }

    private final Context context;
    private final String name;
    private final Duration timeout;
    private final List<String> keyColumns;
    private final List<String> keylessTables;

    ChannelView(Context context, String name, Duration timeout, List<String> keyColumns, List<String> keylessTables) {
        this.context = context;
        this.name = name;
        this.timeout = timeout;
        this.keyColumns = keyColumns;
        this.keylessTables = keylessTables;
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
        return new ChannelView(context, name, newTimeout, keyColumns, keylessTables);
    }

    @Override
    public ChannelRecorder keyedBy(String... columns) {
        if (columns == null || columns.length == 0 || Arrays.stream(columns).anyMatch(c -> c == null || c.isEmpty())) {
            throw new IllegalArgumentException(Messages.badKeyedBy(columns));
        }
        return new ChannelView(context, name, timeout, List.of(columns), List.of());
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

    private ChangeEvent awaitChange(ChangeEvent.Action action, Object id) {
        Objects.requireNonNull(id, "id");
        if (keyColumns.isEmpty() && !keylessTables.isEmpty()) {
            throw new IllegalStateException(Messages.noKey(name, keylessTables, Keys.show(id)));
        }
        String key = Keys.ofId(id);
        return await(log -> {
            KeyIndex index = log.index(keyColumns, context.keys());
            Integer position = index.find(action, key, log);
            if (position == null && !index.keylessTables().isEmpty()) {
                throw new IllegalStateException(Messages.noKey(name, List.copyOf(index.keylessTables()), Keys.show(id)));
            }
            return position == null ? null : claim(log, position);
        }, new Expectation(describe(action, id), action, key));
    }

    private String describe(ChangeEvent.Action action, Object id) {
        return action + " " + (keyColumns.isEmpty() ? "id=" + Keys.show(id) : Keys.describe(keyColumns, id));
    }

    private static ChangeEvent claim(ChannelLog log, int position) {
        log.claim(position);
        return log.change(position);
    }

    @Override
    public ChangeEvent await(String description, Predicate<? super ChangeEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        int[] scanned = {0};
        return await(log -> {
            for (scanned[0] = Math.max(scanned[0], log.first()); scanned[0] < log.end(); scanned[0]++) {
                ChangeEvent event = log.isClaimed(scanned[0]) ? null : log.change(scanned[0]);
                if (event != null && condition.test(event)) {
                    return claim(log, scanned[0]);
                }
            }
            return null;
        }, Expectation.of(description));
    }

    @Override
    public Notification awaitNotification(String description, Predicate<? super Notification> condition) {
        Objects.requireNonNull(condition, "condition");
        int[] scanned = {0};
        return await(log -> {
            for (scanned[0] = Math.max(scanned[0], log.first()); scanned[0] < log.end(); scanned[0]++) {
                if (!log.isClaimed(scanned[0]) && condition.test(log.notification(scanned[0]))) {
                    log.claim(scanned[0]);
                    return log.notification(scanned[0]);
                }
            }
            return null;
        }, Expectation.of(description));
    }

    @Override
    public List<ChangeEvent> awaitSequence(ExpectedChange... expected) {
        if (expected == null || expected.length == 0) {
            throw new IllegalArgumentException(Messages.emptySequence());
        }
        List<String> wanted = Arrays.stream(expected).map(change -> Keys.ofId(change.id())).toList();
        List<Integer> matched = new ArrayList<>();
        int[] scanned = {0};
        String description = Arrays.stream(expected).map(change -> describe(change.action(), change.id()))
                .collect(Collectors.joining(", then "));
        return await(log -> {
            if (!matched.isEmpty() && matched.get(0) < log.first()) {
                matched.clear();
            }
            scanned[0] = Math.max(scanned[0], log.first());
            for (; scanned[0] < log.end() && matched.size() < expected.length; scanned[0]++) {
                ChangeEvent event = log.isClaimed(scanned[0]) ? null : log.change(scanned[0]);
                int next = matched.size();
                if (event != null && event.action() == expected[next].action()
                        && wanted.get(next).equals(Keys.ofRow(event.record(), columnsOf(event)))) {
                    matched.add(scanned[0]);
                }
            }
            return matched.size() < expected.length ? null
                    : matched.stream().map(position -> claim(log, position)).toList();
        }, Expectation.of(description + " (in this order)"));
    }

    private List<String> columnsOf(ChangeEvent event) {
        return keyColumns.isEmpty() ? context.keys().keyOf(event.schema(), event.table()) : keyColumns;
    }

    @Override
    public List<Notification> awaitCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(Messages.badCount(count));
        }
        return await(log -> {
            if (log.end() < count) {
                return null;
            }
            List<Notification> first = new ArrayList<>();
            for (int i = log.first(); i < log.first() + Math.min(count, log.size()); i++) {
                log.claim(i);
                first.add(log.notification(i));
            }
            return first;
        }, Expectation.of(count + " notification(s)"));
    }

    @Override
    public void assertNothingElse() {
        context.sync().run();
        context.journal().assertNone(name, ChannelLog::unclaimed, "nothing else");
    }

    @Override
    public void assertNothingReceived() {
        context.sync().run();
        context.journal().assertNone(name, log -> IntStream.range(log.first(), log.end()).boxed().toList(), "nothing");
    }

    private <T> T await(Function<ChannelLog, T> search, Expectation expected) {
        return context.journal().await(name, timeout, search, expected, context.hazards());
    }

    @Override
    public List<Notification> notifications() {
        return context.journal().read(name, ChannelLog::notifications);
    }

    @Override
    public List<ChangeEvent> changes() {
        return context.journal().read(name, ChannelLog::changes);
    }

    @Override
    public String toString() {
        return "ChannelRecorder[" + name + ", within " + Durations.format(timeout) + "]";
    }
}
