package io.github.pgnotifications.internal.schema;

/**
 * A table found in the catalog.
 *
 * @param schema the schema, as stored
 * @param name   the table's name, as stored; also the name of its channel
 */
public record TableName(String schema, String name) {

    /** {@code schema.table} for messages, unquoted. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
