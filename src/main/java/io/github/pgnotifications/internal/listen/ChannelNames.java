package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.internal.Identifiers;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.nio.charset.StandardCharsets;

/**
 * Channel names as PostgreSQL sees them. {@code pg_notify} uses the exact string and rejects 64 bytes or more, while
 * {@code LISTEN} takes an identifier that is folded to lower case unless quoted and silently truncated to 63 bytes;
 * so names are checked here and always quoted for LISTEN.
 */
public final class ChannelNames {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
    public static final int MAX_BYTES = 63;

    private ChannelNames() {
    }

    /**
     * @param name   the channel name
     * @param source where the name came from, for the error
     * @throws SetupException if the name is empty, too long in UTF-8 bytes, or contains NUL
     */
    public static String validate(String name, String source) {
        if (name == null || name.isEmpty()) {
            throw new SetupException(Messages.channelEmpty(source));
        }
        if (name.indexOf('\0') >= 0) {
            throw new SetupException(Messages.channelHasNul(name, source));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new SetupException(Messages.channelTooLong(name, bytes, source));
        }
        return name;
    }

    /** The name as a quoted identifier, for LISTEN and UNLISTEN, which take no bind parameters. */
    public static String quote(String name) {
        return Identifiers.quote(name);
    }
}
