package io.github.pgnotifications.internal.contracts;

/**
 * A recorded payload that does not fit its channel's contract.
 *
 * @param path  JSON Pointer to the offending value ({@code /record/id}); empty for the whole payload
 * @param value the offending value as JSON text ({@code "\"7\""}), or {@code (missing)}
 * @param rule  the rule it breaks, in words ({@code "must be an integer (contract: record.id, integer)"})
 */
public record PayloadViolation(String path, String value, String rule) {
}
