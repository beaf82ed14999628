package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A contract file's text: pretty JSON (two-space indent, {@code \n}, final newline) with every object's members in one
 * fixed order whatever order the tree holds them in (the JSON Schema keywords as {@link #KEY_ORDER} lists them, then
 * any other in name order; field, column and definition names in name order), so that the same contract is the same
 * bytes in every run.
 */
public final class ContractJson {

    /** The JSON Schema dialect of every contract. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** The member that holds what pg-notifications knows beyond JSON Schema: origin, tables, actions, key... */
    public static final String EXTENSION = "x-pg-notifications";

    /** The order of the members of a schema object and of {@value #EXTENSION}; others follow in name order. */
    static final List<String> KEY_ORDER = List.of("$schema", "$id", "title", "description", EXTENSION,
            "origin", "payload", "tables", "table", "actions", "update-of", "when", "key", "kept-out",
            "type", "const", "enum", "format", "x-sql-type", "x-java-type", "$ref", "properties", "required",
            "additionalProperties", "items", "anyOf", "allOf", "if", "then", "else", "not", "$defs");

    /** Members whose value maps names (of fields, columns, definitions) to what they are: written in name order. */
    private static final Set<String> NAME_KEYED = Set.of("properties", "$defs", "kept-out", "patternProperties",
            "dependentSchemas", "dependentRequired");

    private static final String HOW_TO_FIX = "Contract files are written by pg-notifications, never by hand: delete"
            + " the file, or rewrite every contract with -Dpgnotifications.contracts=update, and review the result.";

    private ContractJson() {
    }

    /** The contract file's text. */
    public static String write(ChannelContract contract) {
        return PrettyJson.write(canonical(contract.schema(), false));
    }

    /**
     * The contract a file holds for {@code channel}, its origin read from {@code x-pg-notifications.origin}.
     *
     * @throws IllegalArgumentException saying why the text is not a contract (the caller adds the file's path)
     */
    public static ChannelContract read(String channel, String json) {
        Object parsed;
        try {
            parsed = JsonReader.parse(json);
        } catch (JsonSyntaxException e) {
            throw notAContract("it is not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw notAContract("it holds " + kindOf(parsed) + ", where a JSON Schema object was expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) map;
        if (!DIALECT.equals(schema.get("$schema"))) {
            throw notAContract("its \"$schema\" is " + kindOf(schema.get("$schema")) + ", expected \"" + DIALECT
                    + "\"");
        }
        Object title = schema.get("title");
        if (title != null && !channel.equals(title)) {
            throw notAContract("it describes channel '" + title + "' (its \"title\"), but its file name is that of"
                    + " channel '" + channel + "' (" + ContractFileNames.of(channel) + ")");
        }
        return new ChannelContract(channel, originOf(schema), schema);
    }

    private static ChannelContract.Origin originOf(Map<String, Object> schema) {
        Object origin = schema.get(EXTENSION) instanceof Map<?, ?> extension ? extension.get("origin") : null;
        if ("catalog".equals(origin)) {
            return ChannelContract.Origin.CATALOG;
        }
        if ("observed".equals(origin)) {
            return ChannelContract.Origin.OBSERVED;
        }
        throw notAContract("its \"" + EXTENSION + "\".\"origin\" is " + kindOf(origin)
                + ", expected \"catalog\" or \"observed\"");
    }

    /** How {@code x-pg-notifications.origin} names an origin. */
    static String originName(ChannelContract.Origin origin) {
        return origin.name().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException notAContract(String why) {
        return new IllegalArgumentException("Not a pg-notifications contract: " + why + ". " + HOW_TO_FIX);
    }

    private static String kindOf(Object value) {
        if (value == null) {
            return "missing (or null)";
        }
        if (value instanceof String text) {
            return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return value instanceof List<?> ? "an array" : "the value " + value;
    }

    /** The tree with every map's members in the file's order. */
    static Object canonical(Object node, boolean nameKeyed) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (Map.Entry<?, ?> member : sorted(map, nameKeyed).entrySet()) {
                String key = String.valueOf(member.getKey());
                ordered.put(key, canonical(member.getValue(), !nameKeyed && NAME_KEYED.contains(key)));
            }
            return Collections.unmodifiableMap(ordered);
        }
        if (node instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(item, false)));
            return Collections.unmodifiableList(items);
        }
        return node;
    }

    private static Map<String, Object> sorted(Map<?, ?> map, boolean nameKeyed) {
        Map<String, Object> byName = new TreeMap<>();
        map.forEach((key, value) -> byName.put(String.valueOf(key), value));
        if (nameKeyed) {
            return byName;
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        KEY_ORDER.stream().filter(byName::containsKey).forEach(key -> ordered.put(key, byName.get(key)));
        byName.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
