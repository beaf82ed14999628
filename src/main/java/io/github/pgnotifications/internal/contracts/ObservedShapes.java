package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of the payloads a run recorded, per channel: for a channel fed by the team's own trigger or
 * {@code pg_notify}, its observed contract. Keeps one merged shape per channel, never the payloads: each
 * {@link #observe} reads the payload once and merges its shape. Thread-safe: listeners of parallel classes observe
 * at once; each channel's shape is replaced atomically.
 *
 * <p>An observed contract's {@code x-pg-notifications}: {@code {"origin": "observed"}} for JSON payloads, plus
 * {@code "payload": "text"} where every payload was plain text ({@code {"type": "string"}}), or
 * {@code "payload": "json-or-text"} where both were seen ({@code anyOf} the JSON shape and a string).
 */
public final class ObservedShapes {

    static final String TEXT = "text";
    static final String JSON_OR_TEXT = "json-or-text";

    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    /**
     * A channel's payloads so far: the shape of its JSON payloads (null if none was JSON), and whether one was not
     * JSON.
     */
    private record Shape(ShapeNode json, boolean text) {

        Shape union(Shape other) {
            ShapeNode both = json == null ? other.json : other.json == null ? json : json.union(other.json);
            return new Shape(both, text || other.text);
        }
    }

    /** Adds one recorded payload's shape to its channel's. */
    public void observe(String channel, String payload) {
        Shape shape = shapeOf(payload);
        shapes.merge(channel, shape, Shape::union);
    }

    /** The observed contract of a channel, empty if nothing was observed on it. */
    public Optional<ChannelContract> contractOf(String channel) {
        return Optional.ofNullable(shapes.get(channel)).map(shape -> contract(channel, shape));
    }

    /** The channels observed so far, sorted. */
    public Set<String> channels() {
        return Collections.unmodifiableSet(new TreeSet<>(shapes.keySet()));
    }

    /**
     * Two observed contracts of one channel as one, as if every payload of both had been observed together:
     * commutative, associative and idempotent, so contracts of other tests and forks merge in any order.
     *
     * @throws IllegalArgumentException for contracts of different channels, or one derived from the catalog (that
     *                                  one is complete already: merging it with what a run saw means nothing)
     */
    public static ChannelContract merge(ChannelContract a, ChannelContract b) {
        if (!a.channel().equals(b.channel())) {
            throw new IllegalArgumentException("Cannot merge the contracts of channels '" + a.channel() + "' and '"
                    + b.channel() + "': only contracts of one channel merge");
        }
        if (a.origin() != ChannelContract.Origin.OBSERVED || b.origin() != ChannelContract.Origin.OBSERVED) {
            throw new IllegalArgumentException("Cannot merge the contracts of channel '" + a.channel() + "': only"
                    + " observed contracts merge, and one is derived from the catalog (" + a.origin() + ", "
                    + b.origin() + ")");
        }
        return contract(a.channel(), shapeOf(a).union(shapeOf(b)));
    }

    private static Shape shapeOf(ChannelContract contract) {
        try {
            return shapeOfSchema(contract.schema());
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("The observed contract of channel '" + contract.channel() + "' is not"
                    + " as pg-notifications writes one (" + e + "). Delete its file or rewrite it with"
                    + " -Dpgnotifications.contracts=update.", e);
        }
    }

    private static Shape shapeOf(String payload) {
        try {
            return new Shape(ShapeNode.of(JsonReader.parse(payload)), false);
        } catch (JsonSyntaxException e) {
            return new Shape(null, true);
        }
    }

    private static Shape shapeOfSchema(Map<String, Object> schema) {
        Object kind = schema.get(ContractJson.EXTENSION) instanceof Map<?, ?> extension
                ? extension.get("payload") : null;
        if (TEXT.equals(kind)) {
            return new Shape(null, true);
        }
        if (JSON_OR_TEXT.equals(kind)) {
            return new Shape(ShapeNode.fromSchema((Map<?, ?>) ((List<?>) schema.get("anyOf")).get(0)), true);
        }
        return new Shape(ShapeNode.fromSchema(schema), false);
    }

    private static ChannelContract contract(String channel, Shape shape) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("origin", ContractJson.originName(ChannelContract.Origin.OBSERVED));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", ContractJson.DIALECT);
        schema.put("title", channel);
        schema.put("description", "Payloads the tests of a run recorded on channel '" + channel
                + "': field names, JSON types, and the fields every payload had as required");
        schema.put(ContractJson.EXTENSION, extension);
        if (shape.json() == null) {
            extension.put("payload", TEXT);
            schema.put("type", "string");
        } else if (shape.text()) {
            extension.put("payload", JSON_OR_TEXT);
            schema.put("anyOf", List.of(shape.json().toSchema(), Map.of("type", "string")));
        } else {
            schema.putAll(shape.json().toSchema());
        }
        return new ChannelContract(channel, ChannelContract.Origin.OBSERVED,
                castTree(ContractJson.canonical(schema, false)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castTree(Object canonical) {
        return (Map<String, Object>) canonical;
    }
}
