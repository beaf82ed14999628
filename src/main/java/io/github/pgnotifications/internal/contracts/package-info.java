/**
 * Payload contracts: each listened channel's events pinned in a JSON Schema file, an AsyncAPI document for the suite,
 * compared with what a run derives from the catalog or records, and every recorded payload checked against its
 * channel's contract.
 *
 * <ul>
 *   <li>{@code CatalogContracts}: a table channel's contract derived from the catalog (library's trigger).</li>
 *   <li>{@code ObservedShapes}: the contract of a channel fed by the team's own trigger, from recorded payloads.</li>
 *   <li>{@code ContractJson}, {@code AsyncApiDocument}: the files, written deterministically.</li>
 *   <li>{@code ContractDiff}: classifies the differences; {@code PayloadValidator}: checks one payload.</li>
 *   <li>{@code Contracts}: a run's contracts folder, its mode (write, verify, update), forks merged under a lock.</li>
 * </ul>
 */
package io.github.pgnotifications.internal.contracts;
