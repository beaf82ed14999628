package io.github.pgnotifications.internal.provision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the databases one run creates: {@code pgnotifications_<epoch>_<run>_d<n>} for test databases,
 * {@code ..._t<n>} for templates. The run part ties each to the run's anchor session, so that a later run can tell
 * a database of a live run from one a killed run left behind. Thread-safe.
 */
final class DatabaseNames {

    static final String PREFIX = "pgnotifications_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)_([0-9a-f]{8})_[dt]\\d+");
    private static final Pattern EARLIER_VERSIONS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)_[0-9a-f]{16}");

    private final String run;
    private final AtomicInteger next = new AtomicInteger();

    DatabaseNames() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        this.run = HexFormat.of().formatHex(random);
    }

    /** The run's own part of every name; also the anchor's application name ends with it. */
    String run() {
        return run;
    }

    String testDatabase() {
        return name('d');
    }

    String template() {
        return name('t');
    }

    private String name(char kind) {
        return PREFIX + Instant.now().getEpochSecond() + "_" + run + "_" + kind + next.incrementAndGet();
    }

    /**
     * What a database's name says of where it came from.
     *
     * @param createdAt epoch second of creation
     * @param run       the run that made it, or null for a database of an earlier version of the library
     */
    record Origin(long createdAt, String run) {
    }

    static Optional<Origin> origin(String name) {
        Matcher ours = OURS.matcher(name);
        if (ours.matches()) {
            return Optional.of(new Origin(Long.parseLong(ours.group(1)), ours.group(2)));
        }
        Matcher earlier = EARLIER_VERSIONS.matcher(name);
        return earlier.matches() ? Optional.of(new Origin(Long.parseLong(earlier.group(1)), null))
                : Optional.empty();
    }
}
