package io.github.pgnotifications.internal.core;

import java.time.Duration;
import java.util.List;

/**
 * What one test class asked for.
 *
 * @param tables   tables to install change triggers on, as given
 * @param channels further channels to listen on
 * @param scripts  script locations, run in order before the triggers are installed
 * @param timeout  the default await timeout
 */
public record SessionSettings(List<String> tables, List<String> channels, List<String> scripts, Duration timeout) {

    /** The default await timeout: long enough for a slow CI machine, short enough to fail a test quickly. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Copies the lists. */
    public SessionSettings {
        tables = List.copyOf(tables);
        channels = List.copyOf(channels);
        scripts = List.copyOf(scripts);
    }
}
