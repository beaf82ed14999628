package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import java.time.Instant;

/** The library: {@code recorder.channel(..).awaitInsert(id)}, exactly as a test calls it. */
final class LibraryWaiter implements Waiter {

    private final NotificationRecorder recorder;
    private final ChannelRecorder channel;

    LibraryWaiter(NotificationRecorder recorder, String channel) {
        this.recorder = recorder;
        this.channel = recorder.channel(channel);
    }

    @Override
    public String name() {
        return "pg-notifications awaitInsert";
    }

    @Override
    public void forget() {
        recorder.reset();
    }

    @Override
    public Instant awaitInsert(int id) {
        return channel.awaitInsert(id).notification().receivedAt();
    }

    @Override
    public void close() {
        // The session owns the recorder.
    }
}
