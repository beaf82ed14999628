package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;

/**
 * A table found in the catalog.
 *
 * @param schema the schema, as stored
 * @param name   the table's name, as stored; also the name of its channel
 */
public record TableName(String schema, String name) {

    /** Refuses a name PostgreSQL cannot hold, before anything is sent to the server. */
    public static void checkGiven(String given) {
        if (given == null || given.isEmpty() || given.indexOf('\0') >= 0) {
            throw new SetupException(Messages.badTableName(given));
        }
    }

    /** {@code schema.table} for messages, unquoted. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
