package io.github.pgnotifications.support;

import java.util.Set;
import java.util.stream.Collectors;

/** The library's listener threads alive in this JVM, to see that a session leaves none behind. */
public final class ListenerThreads {

    /** The prefix of every listener thread's name. */
    public static final String PREFIX = "pg-notifications-listener-";

    private ListenerThreads() {
    }

    public static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(PREFIX) && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
