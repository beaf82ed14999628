package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.listen.ChannelNames;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change triggers of one test database: which tables get one, which channels they send to, and which columns
 * identify a row. Planned from the catalog alone, so that a database cloned from a template (whose triggers are in
 * place already) knows them without installing anything.
 *
 * @param tables        each table with its channel, key and hidden columns, in the order the tables were given
 * @param channels      the channels, one per table name, in the order the tables were given
 * @param keysByChannel per channel, each installed table ({@code schema.table}) and its key columns (empty: none)
 */
public record InstalledTriggers(List<Planned> tables, List<String> channels,
                                Map<String, Map<String, List<String>>> keysByChannel) {

    /**
     * One table's trigger.
     *
     * @param table   the table
     * @param channel the channel it sends to
     * @param key     its key columns
     * @param hidden      the columns it never sends
     * @param partitioned whether the table is partitioned (its rows live in partitions)
     */
    public record Planned(TableName table, String channel, List<String> key, List<String> hidden,
                          boolean partitioned) {
    }

    /**
     * Works out the trigger of each table named in {@code tables}.
     *
     * @param checkSensitive whether each sensitive column must be a column of one of the tables
     * @throws SetupException for a table that does not exist or a sensitive column that no table has
     */
    public static InstalledTriggers plan(Catalog catalog, List<String> tables, List<String> sensitiveColumns,
                                         boolean checkSensitive) {
        List<TableName> resolved = tables.stream().map(catalog::resolve).toList();
        refusePartitionsOfNamedTables(catalog, resolved);
        if (checkSensitive) {
            checkSensitiveColumns(catalog, resolved, sensitiveColumns);
        } else {
            checkSuiteWideSensitiveColumns(catalog, sensitiveColumns);
        }
        List<Planned> planned = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();
        Map<String, Map<String, List<String>>> keys = new LinkedHashMap<>();
        for (TableName table : resolved) {
            String channel = ChannelNames.validate(table.name(), "@PgNotifications(tables)");
            List<String> hidden = catalog.columnsOf(table).stream().filter(sensitiveColumns::contains).toList();
            planned.add(new Planned(table, channel, catalog.keyOf(table), hidden, catalog.isPartitioned(table)));
            channels.add(channel);
            keys.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(table.toString(), catalog.keyOf(table));
        }
        return new InstalledTriggers(List.copyOf(planned), List.copyOf(channels), keys);
    }

    /** Installs the planned triggers (and the shared trigger function, if there is any table). */
    public void install(Connection connection) {
        if (!tables.isEmpty()) {
            TriggerInstaller.installFunction(connection);
        }
        tables.forEach(t -> TriggerInstaller.install(connection, t.table(), t.channel(), t.key(), t.hidden(),
                t.partitioned()));
    }

    private static void refusePartitionsOfNamedTables(Catalog catalog, List<TableName> tables) {
        for (TableName table : tables) {
            TableName up = catalog.parentOf(table).orElse(null);
            for (; up != null; up = catalog.parentOf(up).orElse(null)) {
                if (tables.contains(up)) {
                    throw new SetupException(Messages.partitionAndParent(table.toString(), up.toString(), up.name(),
                            table.name()));
                }
            }
        }
    }

    /**
     * Names set for the whole suite apply wherever such a column exists, so a name no table has is allowed; but one
     * that differs by a typo from a column that exists would let that column's secret through, so it is refused.
     */
    private static void checkSuiteWideSensitiveColumns(Catalog catalog, List<String> sensitive) {
        Set<String> existing = catalog.allColumnNames();
        for (String column : sensitive) {
            if (!existing.contains(column)) {
                existing.stream().filter(name -> Typos.near(name, column)).sorted().findFirst().ifPresent(meant -> {
                    throw new SetupException(Messages.suiteSensitiveColumnTypo(column, meant));
                });
            }
        }
    }

    private static void checkSensitiveColumns(Catalog catalog, List<TableName> tables, List<String> sensitive) {
        for (String column : sensitive) {
            if (tables.stream().noneMatch(table -> catalog.columnsOf(table).contains(column))) {
                throw new SetupException(Messages.sensitiveColumnUnknown(column,
                        tables.stream().map(TableName::toString).toList()));
            }
        }
    }
}
