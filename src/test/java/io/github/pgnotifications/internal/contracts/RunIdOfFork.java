package io.github.pgnotifications.internal.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * A Surefire fork as far as the run's identity goes, for {@link ContractsForksTest}: prints the run id the library
 * takes for a fork (the marker property Surefire sets is set here). Argument: a contracts folder.
 */
public final class RunIdOfFork {

    private RunIdOfFork() {
    }

    public static void main(String[] args) {
        System.setProperty("surefire.real.class.path", "set by Surefire in a fork");
        Map<String, String> none = Map.of();
        ContractSettings settings = ContractSettings.read(args[0], "test", key -> Optional.empty(), none::get)
                .orElseThrow();
        System.out.println(settings.runId());
    }
}
