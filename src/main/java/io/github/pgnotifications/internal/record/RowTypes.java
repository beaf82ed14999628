package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.internal.values.ColumnType;
import java.util.Map;

/** The Java types of a table's columns, by schema and table name; empty for a table it does not know. */
@FunctionalInterface
public interface RowTypes {

    Map<String, ColumnType> of(String schema, String table);
}
