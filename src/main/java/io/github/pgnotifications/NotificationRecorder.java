package io.github.pgnotifications;

import java.util.List;
import java.util.Set;

/**
 * Records every notification on the listened channels and routes it to its channel. Injected by
 * {@link PgNotifications}; the extension resets it before each test, so a test sees only notifications committed
 * after it started.
 *
 * <p>Thread-safe: a test may await on one thread while other threads write.
 */
public interface NotificationRecorder {

    /**
     * The recording of one listened channel.
     *
     * @param name the exact channel name, e.g. a table name from {@link PgNotifications#tables()}
     * @return the channel's recording, with the class's default timeout
     * @throws IllegalArgumentException if nothing listens on that channel; the message lists the listened channels
     */
    ChannelRecorder channel(String name);

    /** {@return the channels listened on, in the order they were configured} */
    Set<String> channels();

    /** {@return every notification recorded since the last reset, on all channels, in arrival order} */
    List<Notification> notifications();

    /**
     * {@return the times since the last reset when the recorder was not listening, oldest first} Empty when nothing
     * was lost.
     * An await that is waiting when a gap begins fails at once with its reason; the recorder reconnects by itself.
     */
    List<ListenerGap> gaps();

    /**
     * Returns once every notification committed before this call has been recorded. It sends a notification on a
     * private channel and waits for it: PostgreSQL delivers notifications in commit order, so everything committed
     * earlier has arrived by then. No sleeping, no polling. While the listener is reconnecting it first waits for
     * it to listen again.
     *
     * @throws PgNotificationsException if the listener fails or the private notification does not arrive within the
     *                                  timeout
     */
    void sync();

    /**
     * Waits for everything committed so far ({@link #sync()}), then forgets every recorded notification. The JUnit
     * extension calls it before each test's {@code @BeforeEach} methods and again right before the test method, so
     * that a test sees only what was committed after it started, and not its fixtures' writes.
     */
    void reset();
}
