package io.github.pgnotifications.internal.record;

import java.util.List;

/** Which columns identify a row of a table; empty when the table has no usable key. */
@FunctionalInterface
public interface KeyResolver {

    /** The key columns of {@code schema.table}. */
    List<String> keyOf(String schema, String table);
}
