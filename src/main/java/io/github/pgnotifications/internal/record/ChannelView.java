package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** An immutable view of one channel's recording with a timeout and a key choice. */
final class ChannelView implements ChannelRecorder {

    private final Journal journal;
    private final String name;
    private final Duration timeout;
    private final List<String> keyColumns;
    private final KeyResolver keys;
    private final List<String> keylessTables;

    ChannelView(Journal journal, String name, Duration timeout, List<String> keyColumns, KeyResolver keys,
                List<String> keylessTables) {
        this.journal = journal;
        this.name = name;
        this.timeout = timeout;
        this.keyColumns = keyColumns;
        this.keys = keys;
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
        return new ChannelView(journal, name, newTimeout, keyColumns, keys, keylessTables);
    }

    @Override
    public ChannelRecorder keyedBy(String... columns) {
        if (columns == null || columns.length == 0 || Arrays.stream(columns).anyMatch(c -> c == null || c.isEmpty())) {
            throw new IllegalArgumentException(Messages.badKeyedBy(columns));
        }
        return new ChannelView(journal, name, timeout, List.of(columns), keys, List.of());
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
        return journal.await(name, timeout, log -> {
            KeyIndex index = log.index(keyColumns, keys);
            ChangeEvent found = index.find(action, key);
            if (found == null && !index.keylessTables().isEmpty()) {
                throw new IllegalStateException(Messages.noKey(name, List.copyOf(index.keylessTables()), Keys.show(id)));
            }
            return found;
        }, () -> action + " " + (keyColumns.isEmpty() ? "id=" + Keys.show(id) : Keys.describe(keyColumns, id)));
    }

    @Override
    public ChangeEvent await(String description, Predicate<? super ChangeEvent> condition) {
        Objects.requireNonNull(condition, "condition");
        int[] scanned = {0};
        return journal.await(name, timeout, log -> {
            for (; scanned[0] < log.size(); scanned[0]++) {
                ChangeEvent event = log.change(scanned[0]);
                if (event != null && condition.test(event)) {
                    return event;
                }
            }
            return null;
        }, () -> description);
    }

    @Override
    public Notification awaitNotification(String description, Predicate<? super Notification> condition) {
        Objects.requireNonNull(condition, "condition");
        int[] scanned = {0};
        return journal.await(name, timeout, log -> {
            for (; scanned[0] < log.size(); scanned[0]++) {
                if (condition.test(log.notification(scanned[0]))) {
                    return log.notification(scanned[0]);
                }
            }
            return null;
        }, () -> description);
    }

    @Override
    public List<Notification> notifications() {
        return journal.read(name, ChannelLog::notifications);
    }

    @Override
    public List<ChangeEvent> changes() {
        return journal.read(name, ChannelLog::changes);
    }

    @Override
    public String toString() {
        return "ChannelRecorder[" + name + ", within " + Durations.format(timeout) + "]";
    }
}
