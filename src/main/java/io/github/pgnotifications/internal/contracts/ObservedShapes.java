package io.github.pgnotifications.internal.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** TEMPORARY stand-in for contracts-model's ObservedShapes (dropped at merge): top-level fields only. */
public final class ObservedShapes {

    private final Map<String, ChannelContract> contracts = new TreeMap<>();

    public synchronized void observe(String channel, String payload) {
        contracts.merge(channel, shapeOf(channel, StandIns.parse(payload)), ObservedShapes::merge);
    }

    public synchronized java.util.Optional<ChannelContract> contractOf(String channel) {
        return java.util.Optional.ofNullable(contracts.get(channel));
    }

    public synchronized Set<String> channels() {
        return new TreeSet<>(contracts.keySet());
    }

    private static ChannelContract shapeOf(String channel, Object payload) {
        if (!(payload instanceof Map)) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("title", channel);
            schema.put("x-pg-notifications", Map.of("origin", "observed", "payload", "text"));
            schema.put("type", "string");
            return new ChannelContract(channel, ChannelContract.Origin.OBSERVED, schema);
        }
        Map<String, Object> properties = new TreeMap<>();
        StandIns.map(payload).forEach((name, value) -> properties.put(name, Map.of("type",
                List.of(StandIns.jsonType(value)))));
        return contract(channel, properties, new ArrayList<>(properties.keySet()));
    }

    public static ChannelContract merge(ChannelContract a, ChannelContract b) {
        if ("string".equals(a.schema().get("type")) || "string".equals(b.schema().get("type"))) {
            return a;
        }
        Map<String, Object> pa = StandIns.map(a.schema().get("properties"));
        Map<String, Object> pb = StandIns.map(b.schema().get("properties"));
        Map<String, Object> properties = new TreeMap<>();
        for (String name : StandIns.sortedUnion(pa.keySet(), pb.keySet())) {
            properties.put(name, Map.of("type", StandIns.sortedUnion(
                    StandIns.list(StandIns.map(pa.get(name)).get("type")),
                    StandIns.list(StandIns.map(pb.get(name)).get("type")))));
        }
        List<String> required = new ArrayList<>(StandIns.list(a.schema().get("required")).stream()
                .map(String::valueOf).toList());
        required.retainAll(StandIns.list(b.schema().get("required")));
        return contract(a.channel(), properties, required);
    }

    private static ChannelContract contract(String channel, Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", channel);
        schema.put("x-pg-notifications", Map.of("origin", "observed"));
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", new ArrayList<>(new TreeSet<>(required)));
        return new ChannelContract(channel, ChannelContract.Origin.OBSERVED, schema);
    }
}
