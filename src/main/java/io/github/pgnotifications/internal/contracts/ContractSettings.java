package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a run treats its contracts folder.
 *
 * @param folder          the folder, relative to the working directory unless absolute
 * @param mode            what happens to missing and differing contracts
 * @param additiveAllowed whether additive changes pass ({@code pgnotifications.contracts.additive=pass})
 * @param runId           what forks of one run share, so that they merge what they write rather than verify it
 * @param underCi         whether the {@code CI} environment variable is set (and so why the mode is verify, unless
 *                        {@code pgnotifications.contracts} says otherwise)
 */
public record ContractSettings(Path folder, Mode mode, boolean additiveAllowed, String runId, boolean underCi) {

    /** What the run does with contract files. */
    public enum Mode {
        /** Writes missing files, verifies the others: a developer's machine. */
        WRITE_MISSING,
        /** Writes nothing; a missing or differing contract fails: CI. */
        VERIFY,
        /** Rewrites every listened channel's file from this run. */
        UPDATE
    }

    /**
     * The settings, if a folder is set.
     *
     * @param attribute   the annotation's or builder's folder, or empty
     * @param source      how to name the attribute in a message, e.g. {@code @PgNotifications(contracts)}
     * @param config      looks up a configuration parameter
     * @param environment looks up an environment variable
     * @throws SetupException for a mode or additive value that is not one of the allowed ones
     */
    public static Optional<ContractSettings> read(String attribute, String source,
                                                  Function<String, Optional<String>> config,
                                                  Function<String, String> environment) {
        boolean underCi = ci(config, environment);
        Mode mode = mode(config, underCi);
        boolean additive = additiveAllowed(config);
        Optional<String> parameter = config.apply(ConfigKeys.CONTRACTS_FOLDER).map(String::trim)
                .filter(value -> !value.isEmpty());
        String folder = attribute != null && !attribute.isBlank() ? attribute.trim() : parameter.orElse("");
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(folder);
        if (Files.isRegularFile(path)) {
            throw new SetupException(Messages.contractsFolderIsAFile(attribute != null && !attribute.isBlank()
                    ? source : "configuration parameter " + ConfigKeys.CONTRACTS_FOLDER, path));
        }
        String runId = config.apply(ConfigKeys.CONTRACTS_RUN_ID).map(String::trim).filter(id -> !id.isEmpty())
                .orElseGet(ContractSettings::parentProcess);
        return Optional.of(new ContractSettings(path, mode, additive, runId, underCi));
    }

    private static Mode mode(Function<String, Optional<String>> config, boolean underCi) {
        String value = config.apply(ConfigKeys.CONTRACTS).map(String::trim).orElse("");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "update":
                return Mode.UPDATE;
            case "verify":
                return Mode.VERIFY;
            case "":
                return underCi ? Mode.VERIFY : Mode.WRITE_MISSING;
            default:
                throw new SetupException(Messages.badContractsMode(value));
        }
    }

    private static boolean ci(Function<String, Optional<String>> config, Function<String, String> environment) {
        String ci = config.apply(ConfigKeys.CONTRACTS_CI_FOR_TESTS).orElseGet(() -> environment.apply("CI"));
        return ci != null && !ci.isBlank();
    }

    private static boolean additiveAllowed(Function<String, Optional<String>> config) {
        String value = config.apply(ConfigKeys.CONTRACTS_ADDITIVE).map(String::trim).orElse("");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "pass":
                return true;
            case "fail":
            case "":
                return false;
            default:
                throw new SetupException(Messages.badContractsAdditive(value));
        }
    }

    /**
     * Surefire's and Failsafe's forks are children of the build's JVM: its pid and start time tell one build from the
     * next. Any other JVM is a run of its own: an IDE or a Gradle daemon outlives the runs it starts, so their parent
     * would make consecutive runs one (Gradle's parallel forks set {@code pgnotifications.contracts.run-id} per build).
     */
    private static String parentProcess() {
        ProcessHandle self = ProcessHandle.current();
        boolean surefireFork = System.getProperty("surefire.test.class.path") != null
                || System.getProperty("surefire.real.class.path") != null;
        ProcessHandle run = surefireFork ? buildJvm(self).orElse(self) : self;
        return run.pid() + "@" + run.info().startInstant().map(String::valueOf).orElse("?");
    }

    /**
     * The nearest ancestor that is a JVM: on Unix Surefire starts each fork through {@code /bin/sh -c}, so the fork's
     * parent is a shell of its own and only the build's JVM above it is common to the forks.
     */
    private static Optional<ProcessHandle> buildJvm(ProcessHandle fork) {
        Optional<ProcessHandle> ancestor = fork.parent();
        while (ancestor.isPresent() && !isJava(ancestor.get())) {
            ancestor = ancestor.get().parent();
        }
        return ancestor.or(fork::parent);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("java") || name.equals("java.exe")).orElse(false);
    }
}
