package io.github.pgnotifications.internal.contracts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** TEMPORARY stand-in for contracts-model's CatalogContracts (dropped at merge): column names and SQL types only. */
public final class CatalogContracts {

    private CatalogContracts() {
    }

    public static Optional<ChannelContract> derive(Connection connection, String channel) {
        return Optional.ofNullable(deriveAll(connection).get(channel));
    }

    public static SortedMap<String, ChannelContract> deriveAll(Connection connection) {
        SortedMap<String, ChannelContract> all = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select distinct c.relname from"
                + " pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like 'pgnotifications%'"
                + " and not t.tgisinternal and c.relispartition is not true");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                all.put(rows.getString(1), one(connection, rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new io.github.pgnotifications.internal.SetupException(e.getMessage(), e);
        }
        return all;
    }

    private static ChannelContract one(Connection connection, String channel) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name, data_type from"
                + " information_schema.columns where table_name = ? and table_schema not in ('pg_catalog',"
                + " 'information_schema') order by column_name")) {
            statement.setString(1, channel);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.putIfAbsent(rows.getString(1), Map.of("x-sql-type", rows.getString(2)));
                }
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "object");
        record.put("properties", columns);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("action", Map.of("type", "string"));
        properties.put("record", record);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", channel);
        schema.put("x-pg-notifications", Map.of("origin", "catalog"));
        schema.put("type", "object");
        schema.put("properties", properties);
        return new ChannelContract(channel, ChannelContract.Origin.CATALOG, schema);
    }
}
