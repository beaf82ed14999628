package io.github.pgnotifications;

import java.util.Objects;

/**
 * A change a test expects, for {@link ChannelRecorder#awaitSequence(ExpectedChange...)}:
 * {@code awaitSequence(insert(1), update(1), delete(1))}.
 *
 * @param action the kind of change
 * @param id     the row's key value, matched by value as in {@link ChannelRecorder#awaitInsert(Object)}
 */
public record ExpectedChange(ChangeEvent.Action action, Object id) {

    /**
     * Checks that both components are present.
     *
     * @param action the kind of change
     * @param id     the row's key value
     */
    public ExpectedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The insert of a row.
     *
     * @param id the row's key value
     * @return the expected change
     */
    public static ExpectedChange insert(Object id) {
        return new ExpectedChange(ChangeEvent.Action.INSERT, id);
    }

    /**
     * An update of a row.
     *
     * @param id the row's key value
     * @return the expected change
     */
    public static ExpectedChange update(Object id) {
        return new ExpectedChange(ChangeEvent.Action.UPDATE, id);
    }

    /**
     * The delete of a row.
     *
     * @param id the row's key value
     * @return the expected change
     */
    public static ExpectedChange delete(Object id) {
        return new ExpectedChange(ChangeEvent.Action.DELETE, id);
    }
}
