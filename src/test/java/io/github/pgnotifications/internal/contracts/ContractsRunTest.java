package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A run's coordinator on its own, for what the engine cannot show in one JVM: forks of one run ending together, a
 * fork's file taken for a committed one only by another run, and the orphans report. Observed channels only, so no
 * database is needed.
 */
@Timeout(60)
class ContractsRunTest {

    @TempDir
    Path folder;

    @Test
    void twoForksOfOneRunEndingTogetherLeaveOneMergedFileWhateverTheirOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        Contracts first = observing(run, "{\"id\": 1, \"note\": \"a\"}");
        Contracts second = observing(run, "{\"id\": 2, \"total\": 1.5}");

        closeTogether(first, second);

        String merged = ContractJson.write(ObservedShapes.merge(shape("{\"id\": 1, \"note\": \"a\"}"),
                shape("{\"id\": 2, \"total\": 1.5}")));
        assertThat(read("feed.schema.json")).isEqualTo(merged);
        assertThat(read("feed.schema.json")).isEqualTo(ContractJson.write(ObservedShapes.merge(
                shape("{\"id\": 2, \"total\": 1.5}"), shape("{\"id\": 1, \"note\": \"a\"}"))));
        assertThat(read("asyncapi.json")).contains("feed.schema.json");
    }

    @Test
    void aFileALaterForkOfTheSameRunFindsIsMergedIntoNotCheckedAgainst() throws Exception {
        String run = UUID.randomUUID().toString();
        observing(run, "{\"id\": 1, \"note\": \"a\"}").close();

        Contracts later = open(run);
        later.forClass(() -> null, null, List.of(), List.of("feed"), ChangedBy.NOTHING)
                .afterTest(List.of(payload("{\"id\": 2}")), false);
        later.close();

        assertThat(read("feed.schema.json")).isEqualTo(ContractJson.write(ObservedShapes.merge(
                shape("{\"id\": 1, \"note\": \"a\"}"), shape("{\"id\": 2}"))));
    }

    @Test
    void theNextRunChecksPayloadsAgainstWhatTheFirstWrote() throws Exception {
        observing(UUID.randomUUID().toString(), "{\"id\": 1}").close();

        ClassContracts next = open(UUID.randomUUID().toString())
                .forClass(() -> null, null, List.of(), List.of("feed"), ChangedBy.NOTHING);

        assertThatThrownBy(() -> next.afterTest(List.of(payload("{\"id\": \"7\"}")), false))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("/id")
                .hasMessageContaining("{\"id\": \"7\"}");
    }

    @Test
    void aTestThatFailedAlreadyIsNotFailedAgainByItsPayloads() throws Exception {
        observing(UUID.randomUUID().toString(), "{\"id\": 1}").close();

        ClassContracts next = open(UUID.randomUUID().toString())
                .forClass(() -> null, null, List.of(), List.of("feed"), ChangedBy.NOTHING);

        next.afterTest(List.of(payload("{\"id\": \"7\"}")), true);
    }

    @Test
    void contractFilesOfChannelsNobodyListenedToAreReportedAndKept() throws Exception {
        ObservedShapes gone = new ObservedShapes();
        gone.observe("gone", "{\"id\": 1}");
        Files.writeString(folder.resolve("gone.schema.json"),
                ContractJson.write(gone.contractOf("gone").orElseThrow()));

        Contracts next = observing(UUID.randomUUID().toString(), "{\"id\": 1}");
        next.close();

        assertThat(next.ended().orphans()).containsExactly(folder.resolve("gone.schema.json").toString());
        assertThat(folder.resolve("gone.schema.json")).isRegularFile();
        assertThat(next.ended().written()).contains(folder.resolve("feed.schema.json") + " (new)");
    }

    @Test
    void verifyModeWritesNothing() throws Exception {
        Contracts verifying = Contracts.open(new ContractSettings(folder, ContractSettings.Mode.VERIFY, false,
                UUID.randomUUID().toString(), false));

        verifying.close();

        try (var listing = Files.list(folder)) {
            assertThat(listing).isEmpty();
        }
    }

    private Contracts observing(String run, String json) throws Exception {
        Contracts contracts = open(run);
        contracts.forClass(() -> null, null, List.of(), List.of("feed"), ChangedBy.NOTHING)
                .afterTest(List.of(payload(json)), false);
        return contracts;
    }

    private Contracts open(String run) {
        return Contracts.open(new ContractSettings(folder, ContractSettings.Mode.WRITE_MISSING, false, run,
                false));
    }

    private static void closeTogether(Contracts first, Contracts second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> awaitThenClose(start, first));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> awaitThenClose(start, second));
        CompletableFuture.allOf(one, two).get();
    }

    private static void awaitThenClose(CyclicBarrier start, Contracts contracts) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        contracts.close();
    }

    private static ChannelContract shape(String json) {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("feed", json);
        return shapes.contractOf("feed").orElseThrow();
    }

    private static Notification payload(String json) {
        return new Notification("feed", json, 1, Instant.now());
    }

    private String read(String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }
}
