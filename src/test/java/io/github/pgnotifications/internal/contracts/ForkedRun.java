package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.Notification;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One fork of a run, for {@link ContractsForksTest}: observes one payload on channel {@code feed}, says it is ready,
 * and ends the run (writing the folder) when the parent sends a line. Arguments: folder, run id, payload.
 */
public final class ForkedRun {

    private ForkedRun() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream toParent = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Contracts contracts = Contracts.open(new ContractSettings(Path.of(args[0]),
                ContractSettings.Mode.WRITE_MISSING, false, args[1], false));
        contracts.forClass(() -> null, null, List.of(), List.of("feed"), ChangedBy.NOTHING)
                .afterTest(List.of(new Notification("feed", args[2], 1, Instant.now())), false);
        toParent.println("ready");
        System.in.read();
        contracts.close();
        toParent.println("closed");
    }
}
