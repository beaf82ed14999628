package io.github.pgnotifications.internal.contracts;

import java.util.Map;

/**
 * One channel's contract: a JSON Schema (2020-12) document held as an ordered tree of {@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}, as {@link ContractJson} writes and reads it.
 *
 * @param channel the channel the contract describes
 * @param origin  whether the schema was derived from the catalog (the library's trigger) or from recorded payloads
 * @param schema  the JSON Schema document
 */
public record ChannelContract(String channel, Origin origin, Map<String, Object> schema) {

    /** Where a contract's shape came from. */
    public enum Origin {
        /** Derived from the catalog for tables with the library's trigger: complete in every run. */
        CATALOG,
        /** Observed from the payloads a run recorded: what the run saw, merged over its tests. */
        OBSERVED
    }
}
