package io.github.pgnotifications.internal.contracts;

/**
 * One difference between a committed contract and what the current run derives or records.
 *
 * @param kind    breaking or additive
 * @param channel the channel
 * @param path    where in the payload, as a JSON Pointer ({@code /record/email}); empty for the whole channel
 * @param before  what the committed contract says there, in words ({@code "integer, not null"}); empty when new
 * @param after   what the run found there; empty when gone
 * @param what    the rule in words ({@code "type changed"}, {@code "field removed"}, {@code "new optional field"})
 */
public record ContractChange(Kind kind, String channel, String path, String before, String after, String what) {

    /** Breaking changes always fail; additive ones fail until the contract is updated, unless allowed. */
    public enum Kind { BREAKING, ADDITIVE }
}
