package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;

/**
 * Figure 3: what the extension adds to a suite: preparing a test class, {@code sync()}, the per-test reset and what
 * the extension does around each test.
 */
final class Overheads {

    /**
     * The per-test figures, measured in turn within each round so that they share the machine's state.
     *
     * @param sync   {@code sync()}
     * @param reset  {@code reset()}: sync, then forget
     * @param around what the extension runs around a test: {@code reset()} before its {@code @BeforeEach} methods
     *               and again right before the test method
     */
    record PerTest(Latencies sync, Latencies reset, Latencies around) {
    }

    private Overheads() {
    }

    /**
     * Opens and closes one session per test class.
     *
     * @return the open times; the close times go to {@code closes}
     */
    static Latencies prepareClasses(ServerContext server, SessionSettings settings, int classes, long[] closes) {
        long[] opens = new long[classes];
        for (int i = 0; i < classes; i++) {
            long started = System.nanoTime();
            Session session = Session.open(settings, server);
            opens[i] = System.nanoTime() - started;
            started = System.nanoTime();
            session.close();
            closes[i] = System.nanoTime() - started;
        }
        return Latencies.of(opens);
    }

    static PerTest perTest(Session session, int rounds) {
        NotificationRecorder recorder = session.recorder();
        long[] sync = new long[rounds];
        long[] reset = new long[rounds];
        long[] around = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            recorder.sync();
            sync[i] = System.nanoTime() - started;
            started = System.nanoTime();
            recorder.reset();
            reset[i] = System.nanoTime() - started;
            started = System.nanoTime();
            recorder.reset();
            recorder.reset();
            around[i] = System.nanoTime() - started;
        }
        return new PerTest(Latencies.of(sync), Latencies.of(reset), Latencies.of(around));
    }
}
