package io.github.pgnotifications.internal.contracts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** TEMPORARY stand-in for contracts-check's ContractMessages (dropped at merge). */
public final class ContractMessages {

    public static final String UPDATE_COMMAND = "mvn test -Dpgnotifications.contracts=update";

    private ContractMessages() {
    }

    public static String differences(String channel, String contractFile, List<ContractChange> changes,
                                     Optional<String> changedBy, boolean additiveAllowed) {
        return "The payloads of channel '" + channel + "' no longer match its contract " + contractFile + ":\n"
                + changes.stream().map(c -> "  " + c.kind() + " " + c.path() + ": " + c.what() + " (" + c.before()
                        + " -> " + c.after() + ")").collect(Collectors.joining("\n"))
                + changedBy.map(by -> "\nChanged by " + by + ".").orElse("")
                + "\nIf this is intended, run " + UPDATE_COMMAND + ".";
    }

    public static String violation(String channel, String contractFile, List<PayloadViolation> violations,
                                   String payload) {
        return "A notification on channel '" + channel + "' does not fit its contract " + contractFile + ":\n"
                + violations.stream().map(v -> "  " + v.path() + " = " + v.value() + ": " + v.rule())
                        .collect(Collectors.joining("\n"))
                + "\nPayload:\n  " + payload;
    }

    public static String missing(List<String> files, boolean underCi) {
        return "Listened channels have no contract (" + (underCi ? "CI" : "verify") + "): " + files
                + ". Run " + UPDATE_COMMAND + " and commit them.";
    }

    public static String unreadable(String file, String reason) {
        return "The contract " + file + " cannot be read: " + reason;
    }

    public static String written(List<String> files) {
        return "Wrote " + files.size() + " payload contracts; review and commit them: " + files;
    }

    public static String notListened(List<String> files) {
        return files.size() + " contracts of channels no test listened to in this run, kept as they are: " + files
                + ". If a channel is gone, delete its file and run " + UPDATE_COMMAND + ".";
    }
}
