package io.github.pgnotifications;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recording of one channel: what arrived on it since the test started, and waits for what is still to come.
 * An await returns the oldest matching notification that no earlier await on this channel returned, whether it
 * arrived before the call or arrives during it, so awaiting the same change twice waits for it to happen twice. It
 * wakes as soon as the notification arrives and never polls. Instances are immutable views: {@link #within(Duration)}
 * and {@link #keyedBy(String...)} return copies.
 *
 * <p>Ids match by value: {@code awaitInsert(7)} finds id {@code 7} in an integer column and {@code '7'} in a text
 * column. The key is the table's primary key, else its {@code id} column, unless {@link #keyedBy(String...)} names
 * another. For a composite key pass the values as a {@link List} in key order. A JPA entity instance stands for its
 * {@code @Id} value: {@code awaitInsert(savedOrder)}. An id that can never equal a value of its key column (a
 * {@code UUID} for a {@code bigint} key) fails at once, naming the column, its type and what to pass.
 *
 * <p>Conditions run on the calling thread while the recorder keeps recording, and may call the recorder themselves.
 *
 * <p>Failures: a wait that times out throws opentest4j's {@code AssertionFailedError}, whose message names what was
 * awaited and lists what arrived; a wait the recorder cannot complete (its connection was lost meanwhile, or the
 * thread was interrupted) throws {@link PgNotificationsException}.
 */
public interface ChannelRecorder {

    /** {@return the channel's name} */
    String name();

    /** {@return how long the awaits of this view wait} */
    Duration timeout();

    /**
     * The same channel with another await timeout.
     *
     * @param timeout a positive duration
     * @return a view of this channel that waits {@code timeout}
     */
    ChannelRecorder within(Duration timeout);

    /**
     * The same channel, matching ids against the given columns instead of the table's primary key.
     *
     * @param columns one or more column names, exactly as in the row's JSON
     * @return a view of this channel that matches ids against {@code columns}
     */
    ChannelRecorder keyedBy(String... columns);

    /**
     * Waits for the insert of the row with this id.
     *
     * @param id the key value; a {@link List} for a composite key
     * @return the change event
     * @throws org.opentest4j.AssertionFailedError naming the channel, action, id and timeout, and listing what did
     *                                              arrive
     * @throws IllegalArgumentException             if the id has another number of values than the key has columns
     */
    ChangeEvent awaitInsert(Object id);

    /**
     * Waits for an update of the row with this id.
     *
     * @param id the key value (the new row's key); a {@link List} for a composite key
     * @return the change event
     * @throws org.opentest4j.AssertionFailedError naming the channel, action, id and timeout, and listing what did
     *                                              arrive
     * @throws IllegalArgumentException             if the id has another number of values than the key has columns
     */
    ChangeEvent awaitUpdate(Object id);

    /**
     * Waits for the delete of the row with this id.
     *
     * @param id the key value; a {@link List} for a composite key
     * @return the change event
     * @throws org.opentest4j.AssertionFailedError naming the channel, action, id and timeout, and listing what did
     *                                              arrive
     * @throws IllegalArgumentException             if the id has another number of values than the key has columns
     */
    ChangeEvent awaitDelete(Object id);

    /**
     * Waits for a {@code TRUNCATE} of a table whose trigger sends to this channel. A {@code TRUNCATE} of a
     * partitioned table is one event for the table; truncating a single partition sends none.
     *
     * @return the change event, with action {@code TRUNCATE} and no row
     * @throws org.opentest4j.AssertionFailedError naming the channel and timeout, and listing what did arrive
     */
    ChangeEvent awaitTruncate();

    /**
     * Waits for a notification whose payload is exactly this text: for triggers that send plain text, such as an id.
     *
     * <pre>{@code recorder.channel("jobs").awaitPayload("42");}</pre>
     *
     * @param payload the payload, compared exactly
     * @return the notification
     * @throws org.opentest4j.AssertionFailedError naming the channel, payload and timeout, and listing what did arrive
     */
    Notification awaitPayload(String payload);

    /**
     * Waits for a change event that satisfies the condition.
     *
     * @param description what the condition expects, used in the failure message
     * @param condition   the condition
     * @return the first matching change event
     * @throws org.opentest4j.AssertionFailedError naming the channel, the description and timeout, and listing what did arrive
     */
    ChangeEvent await(String description, Predicate<? super ChangeEvent> condition);

    /**
     * Waits for a change event that satisfies the condition.
     *
     * @param condition the condition
     * @return the first matching change event
     * @throws org.opentest4j.AssertionFailedError naming the channel and timeout, and listing what did arrive
     */
    default ChangeEvent await(Predicate<? super ChangeEvent> condition) {
        return await("a change matching the given condition", condition);
    }

    /**
     * Waits for a notification, of any payload format, that satisfies the condition: for triggers whose payload is
     * not a change event.
     *
     * @param description what the condition expects, used in the failure message
     * @param condition   the condition
     * @return the first matching notification
     * @throws org.opentest4j.AssertionFailedError naming the channel, the description and timeout, and listing what did arrive
     */
    Notification awaitNotification(String description, Predicate<? super Notification> condition);

    /**
     * Waits for a notification, of any payload format, that satisfies the condition.
     *
     * @param condition the condition
     * @return the first matching notification
     * @throws org.opentest4j.AssertionFailedError naming the channel and timeout, and listing what did arrive
     */
    default Notification awaitNotification(Predicate<? super Notification> condition) {
        return awaitNotification("a notification matching the given condition", condition);
    }

    /** {@return a snapshot of the notifications recorded on this channel since the test started, in arrival order} */
    List<Notification> notifications();

    /**
     * {@return a snapshot of the change events recorded on this channel since the test started, in arrival order}
     * Notifications whose payload is not a change event are left out; {@link #notifications()} has them.
     */
    List<ChangeEvent> changes();

    /**
     * Waits until the channel's changes contain these, in this order; other changes may come in between.
     *
     * @param expected the changes, e.g. {@code insert(1), update(1), delete(1)}
     * @return the matching change events, in the same order
     * @throws org.opentest4j.AssertionFailedError naming the sequence, how much of it arrived, and what did arrive
     */
    List<ChangeEvent> awaitSequence(ExpectedChange... expected);

    /**
     * Waits until {@code count} notifications that no earlier await returned have arrived on the channel, and returns
     * them: the next {@code count} of the channel's recording. It counts only what no await has taken, unlike
     * {@link ChannelRecorderAssert#receivedExactly(int)}, which counts everything that arrived since the test started.
     *
     * <pre>{@code
     * users.awaitInsert(1);                       // takes INSERT id=1
     * List<Notification> next = users.awaitNext(2); // the two oldest that no await took
     * }</pre>
     *
     * @param count how many; 1 or more
     * @return the oldest {@code count} of them, in arrival order; later awaits do not return them again
     * @throws org.opentest4j.AssertionFailedError naming the count and listing what did arrive
     * @throws IllegalArgumentException             if {@code count} is less than 1
     */
    List<Notification> awaitNext(int count);

    /**
     * The former name of {@link #awaitNext(int)}, which says better that it counts only what no earlier await
     * returned.
     *
     * @param count how many; 1 or more
     * @return the oldest {@code count} notifications no earlier await returned
     * @deprecated use {@link #awaitNext(int)}, which does the same
     */
    @Deprecated
    default List<Notification> awaitCount(int count) {
        return awaitNext(count);
    }

    /**
     * Proves that nothing arrived on the channel besides what this channel's awaits have returned: waits for
     * everything committed so far ({@link NotificationRecorder#sync()}), then checks. Returns in milliseconds, not
     * after a timeout.
     *
     * @throws org.opentest4j.AssertionFailedError listing what else arrived
     * @throws PgNotificationsException             if nothing can be proven: the recorder was not listening at some
     *                                              time during the test, or a transaction that may still send to the
     *                                              channel is open (the calling thread is inside a Spring transaction,
     *                                              such as a {@code @Transactional} test's, or a session holds
     *                                              uncommitted writes to the channel's tables); the message says which
     *                                              and what to do
     */
    void assertNothingElse();

    /**
     * Proves that nothing at all arrived on the channel since the test started, after waiting for everything
     * committed so far ({@link NotificationRecorder#sync()}).
     *
     * @throws org.opentest4j.AssertionFailedError listing what arrived
     * @throws PgNotificationsException             if nothing can be proven: the recorder was not listening at some
     *                                              time during the test, or a transaction that may still send to the
     *                                              channel is open (the calling thread is inside a Spring transaction,
     *                                              such as a {@code @Transactional} test's, or a session holds
     *                                              uncommitted writes to the channel's tables); the message says which
     *                                              and what to do
     */
    void assertNothingReceived();
}
