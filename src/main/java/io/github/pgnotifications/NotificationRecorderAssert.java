package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.record.AssertableRecorder;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what arrived on every listened channel at once. Obtain one with
 * {@link PgNotificationsAssertions#assertThat(NotificationRecorder)}.
 *
 * <pre>{@code
 * service.placeOrderThatFails();            // rolled back: three tables touched, nothing committed
 * assertThat(recorder).receivedNothing();
 * }</pre>
 */
public final class NotificationRecorderAssert extends AbstractAssert<NotificationRecorderAssert, NotificationRecorder> {

    NotificationRecorderAssert(NotificationRecorder actual) {
        super(actual, NotificationRecorderAssert.class);
    }

    /**
     * Checks that nothing at all arrived on any listened channel since the test started, once everything committed
     * so far has arrived ({@link NotificationRecorder#sync()}), as {@link ChannelRecorderAssert#receivedNothing()}
     * does for one channel.
     *
     * @return this assertion object
     * @throws org.opentest4j.AssertionFailedError listing, channel by channel, what arrived
     * @throws PgNotificationsException             if nothing can be proven: the recorder was not listening at some
     *                                              time during the test, or a transaction that may still send to a
     *                                              channel is open (in this thread, or in a session with uncommitted
     *                                              writes to a watched table)
     */
    public NotificationRecorderAssert receivedNothing() {
        recorder().assertNothingOnAnyChannel(false, info.descriptionText());
        return myself;
    }

    /**
     * Checks that nothing arrived on any listened channel besides what the awaits and channel assertions have already
     * matched, once everything committed so far has arrived, as {@link ChannelRecorderAssert#receivedNothingElse()}
     * does for one channel.
     *
     * @return this assertion object
     * @throws org.opentest4j.AssertionFailedError listing, channel by channel, what else arrived
     * @throws PgNotificationsException             if nothing can be proven (see {@link #receivedNothing()})
     */
    public NotificationRecorderAssert receivedNothingElse() {
        recorder().assertNothingOnAnyChannel(true, info.descriptionText());
        return myself;
    }

    private AssertableRecorder recorder() {
        isNotNull();
        if (!(actual instanceof AssertableRecorder own)) {
            throw new IllegalArgumentException(AssertionMessages.notOurRecorder(actual.getClass().getName()));
        }
        return own;
    }
}
