package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.record.AssertableChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what arrived on one channel. Those that wait ({@code received...}) wait up to the channel's timeout
 * and, when they fail, throw the library's own failure unchanged: it names what was awaited and lists what arrived.
 * Obtain one with {@link PgNotificationsAssertions#assertThat(ChannelRecorder)}.
 *
 * <pre>{@code
 * assertThat(recorder.channel("users"))
 *         .receivedInOrder(insert(1), update(1), delete(1))
 *         .receivedNothingElse();
 * }</pre>
 */
public final class ChannelRecorderAssert extends AbstractAssert<ChannelRecorderAssert, ChannelRecorder> {

    ChannelRecorderAssert(ChannelRecorder actual) {
        super(actual, ChannelRecorderAssert.class);
    }

    /**
     * Waits for the insert of the row with this id ({@link ChannelRecorder#awaitInsert(Object)}).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedInsert(42);}</pre>
     *
     * @param id the key value, matched by value; a {@link List} for a composite key
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedInsert(Object id) {
        channel().awaitInsert(id);
        return myself;
    }

    /**
     * Waits for an update of the row with this id ({@link ChannelRecorder#awaitUpdate(Object)}).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedUpdate(42);}</pre>
     *
     * @param id the key value, matched by value; a {@link List} for a composite key
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedUpdate(Object id) {
        channel().awaitUpdate(id);
        return myself;
    }

    /**
     * Waits for the delete of the row with this id ({@link ChannelRecorder#awaitDelete(Object)}).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedDelete(42);}</pre>
     *
     * @param id the key value, matched by value; a {@link List} for a composite key
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedDelete(Object id) {
        channel().awaitDelete(id);
        return myself;
    }

    /**
     * Waits until the changes contain these, in this order; other changes may come in between
     * ({@link ChannelRecorder#awaitSequence(ExpectedChange...)}).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedInOrder(insert(1), update(1), delete(1));}</pre>
     *
     * @param changes the expected changes, e.g. {@link ExpectedChange#insert(Object)}
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedInOrder(ExpectedChange... changes) {
        channel().awaitSequence(changes);
        return myself;
    }

    /**
     * Waits until {@code count} notifications have arrived, then, once everything committed so far has arrived,
     * checks that there are no more. It counts everything that arrived on the channel since the test started, also
     * what earlier awaits returned, unlike {@link ChannelRecorder#awaitNext(int)}, which counts only what no await
     * returned.
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedExactly(2);}</pre>
     *
     * @param count how many notifications the channel should have received since the test started; zero or more
     * @return this assertion object
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public ChannelRecorderAssert receivedExactly(int count) {
        if (count < 0) {
            throw new IllegalArgumentException(AssertionMessages.badCount(count));
        }
        AssertableChannel channel = channel();
        if (count > 0) {
            channel.awaitReceived(count);
        }
        channel.syncToProve("exactly " + AssertionMessages.notifications(count));
        List<Notification> all = actual.notifications();
        if (all.size() != count) {
            failWithActualExpectedAndMessage(all.size(), count, AssertionMessages.RECEIVED_EXACTLY, actual.name(),
                    AssertionMessages.notifications(count), all.size(), AssertionMessages.newestLines(describe(all)));
        }
        channel.claimAll();
        return myself;
    }

    /**
     * Checks that nothing at all arrived on the channel since the test started, once everything committed so far has
     * arrived ({@link ChannelRecorder#assertNothingReceived()}).
     *
     * <pre>{@code assertThat(recorder.channel("audit")).receivedNothing();}</pre>
     *
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedNothing() {
        channel().assertNothingReceived();
        return myself;
    }

    /**
     * Checks that nothing arrived on the channel besides what its awaits and these assertions have already matched,
     * once everything committed so far has arrived ({@link ChannelRecorder#assertNothingElse()}).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedInsert(1).receivedNothingElse();}</pre>
     *
     * @return this assertion object
     */
    public ChannelRecorderAssert receivedNothingElse() {
        channel().assertNothingElse();
        return myself;
    }

    /**
     * The channel to wait on: the recorder's own, carrying this assertion's description ({@code as(...)}) into the
     * failures it raises.
     */
    private AssertableChannel channel() {
        isNotNull();
        if (!(actual instanceof AssertableChannel own)) {
            throw new IllegalArgumentException(AssertionMessages.notOurChannel(actual.getClass().getName()));
        }
        String description = info.descriptionText();
        return description == null || description.isEmpty() ? own : own.describedAs(description);
    }

    private List<String> describe(List<Notification> notifications) {
        Map<Notification, ChangeEvent> changes = new HashMap<>();
        actual.changes().forEach(change -> changes.put(change.notification(), change));
        return notifications.stream().map(n -> received(changes.get(n), n.payload())).toList();
    }

    private String received(ChangeEvent change, String payload) {
        return change == null ? AssertionMessages.received(null, null, payload, info.representation())
                : AssertionMessages.received(change.action().name(), info.representation().toStringOf(change.record()),
                payload, info.representation());
    }
}
