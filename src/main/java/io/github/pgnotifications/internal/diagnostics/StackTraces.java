package io.github.pgnotifications.internal.diagnostics;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Failures start at the user's line: the library's own frames (and the JDK frames between them) are cut from the top
 * of a failure's stack trace, as AssertJ does with its own.
 */
public final class StackTraces {

    private static final String INTERNAL = "io.github.pgnotifications.internal.";
    private static final String API = "io.github.pgnotifications.";
    /** The public types whose methods a failure passes through on its way to the user. */
    private static final Set<String> API_TYPES = Set.of("ChannelRecorder", "ChannelRecorderAssert", "ChangeEventAssert",
            "NotificationAssert", "NotificationRecorder", "NotificationRecorderAssert", "PgNotificationsAssertions", "PgNotificationsSession",
            "TriggerDefinition", "TriggerDefinitionAssert", "TriggersAssert", "ChangeEvent");

    private StackTraces() {
    }

    /** Cuts the library's frames from the top of the failure's stack trace; returns the failure. */
    public static <T extends Throwable> T fromCaller(T failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        int first = 0;
        while (first < frames.length && (ours(frames[first].getClassName()) || jdk(frames[first].getClassName()))) {
            first++;
        }
        if (first > 0 && first < frames.length) {
            failure.setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
        }
        return failure;
    }

    /**
     * Cuts every frame of the library from the stack traces of the failure and its causes (a driver's error, say), for
     * a setup failure whose message already says what the library was doing: what is left is the test framework's,
     * the user's and the driver's; returns the failure.
     */
    public static <T extends Throwable> T withoutOurs(T failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            t.setStackTrace(Arrays.stream(t.getStackTrace())
                    .filter(frame -> !ours(frame.getClassName())).toArray(StackTraceElement[]::new));
        }
        return failure;
    }

    static boolean ours(String className) {
        if (className.startsWith(INTERNAL)) {
            return true;
        }
        if (!className.startsWith(API)) {
            return false;
        }
        String simple = className.substring(API.length());
        int nested = simple.indexOf('$');
        String topLevel = nested < 0 ? simple : simple.substring(0, nested);
        return topLevel.indexOf('.') < 0 && API_TYPES.contains(topLevel);
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
