package io.github.pgnotifications.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's payload type with a renamed property. Top level and public so that another class loader can define it
 * (a nested one would point back at its enclosing class, which that loader's package cannot access).
 */
public record JobEvent(@JsonProperty("job_id") long id, String state) {
}
