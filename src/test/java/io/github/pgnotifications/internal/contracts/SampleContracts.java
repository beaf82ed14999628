package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.contracts.ChannelContract.Origin;
import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import java.util.Map;

/**
 * Contracts as CONTRACTS.md describes them (the catalog's for a table with the library's trigger, observed ones for
 * the seed's {@code users} trigger and a plain-text channel), written out here so the checks do not depend on the
 * code that derives them.
 */
final class SampleContracts {

    static final String ACCOUNTS = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "accounts",
             "description": "Change events of public.accounts, sent by pg-notifications' trigger",
             "x-pg-notifications": {"origin": "catalog", "tables": ["public.accounts"],
               "actions": ["delete", "insert", "update"], "update-of": [], "when": null, "key": ["id"],
               "kept-out": {"ssn": "sensitive"}},
             "type": "object",
             "properties": {
               "action": {"enum": ["delete", "insert", "update"]},
               "db_schema": {"const": "public"},
               "old": {"anyOf": [{"$ref": "#/$defs/row"}, {"type": "null"}]},
               "record": {"$ref": "#/$defs/row"},
               "seq": {"type": "integer"},
               "table": {"const": "accounts"},
               "timestamp": {"type": "string", "format": "date-time"}},
             "required": ["action", "db_schema", "old", "record", "seq", "table", "timestamp"],
             "$defs": {"row": {"type": "object",
               "properties": {
                 "balance": {"type": "number", "x-sql-type": "numeric(12,2)", "x-java-type": "java.math.BigDecimal"},
                 "id": {"type": "integer", "x-sql-type": "bigint", "x-java-type": "java.lang.Long"},
                 "owner": {"type": ["string", "null"], "x-sql-type": "text", "x-java-type": "java.lang.String"}},
               "required": ["balance", "id", "owner"],
               "additionalProperties": false}}}
            """;

    /** The seed's users trigger (json_build_object with row_to_json), as a run observes it. */
    static final String USERS = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "users",
             "x-pg-notifications": {"origin": "observed"},
             "type": "object",
             "properties": {
               "action": {"type": "string"},
               "db_schema": {"type": "string"},
               "old": {"type": ["null", "object"],
                 "properties": {"first_name": {"type": "string"}, "id": {"type": "integer"},
                   "last_name": {"type": "string"}},
                 "required": ["first_name", "id", "last_name"]},
               "record": {"type": "object",
                 "properties": {"first_name": {"type": "string"}, "id":{"type": "integer"},
                   "last_name": {"type": ["null", "string"]}},
                 "required": ["first_name", "id", "last_name"]},
               "table": {"type": "string"},
               "timestamp": {"type": "string"}},
             "required": ["action", "db_schema", "old", "record", "table", "timestamp"]}
            """;

    static final String USERS_PAYLOAD = "{\"timestamp\": \"2026-11-25T06:51:35.123+00:00\", \"action\": \"insert\","
            + " \"db_schema\": \"public\", \"table\": \"users\", \"record\": {\"id\": 42, \"first_name\": \"Ada\","
            + " \"last_name\": \"Lovelace\"}, \"old\": null}";

    static final String TEXT = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "jobs",
             "x-pg-notifications": {"origin": "observed", "payload": "text"},
             "type": "string"}
            """;

    private SampleContracts() {
    }

    static ChannelContract catalog(String channel, String schema) {
        return new ChannelContract(channel, Origin.CATALOG, parse(schema));
    }

    static ChannelContract observed(String channel, String schema) {
        return new ChannelContract(channel, Origin.OBSERVED, parse(schema));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return (Map<String, Object>) JsonReader.parse(json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
