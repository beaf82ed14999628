package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import io.github.pgnotifications.internal.diagnostics.Texts;
import java.util.List;
import java.util.Optional;

/**
 * Every message of payload contracts, in one place: what the contract says, what the run found, and what to do,
 * which is always either "update the contract and have it reviewed" or "fix what changed the payload".
 */
public final class ContractMessages {

    /** The one switch that rewrites the contracts from a run. */
    public static final String UPDATE_COMMAND = "mvn test -Dpgnotifications.contracts=update";

    /** The setting that lets additive changes pass. */
    public static final String ADDITIVE_PASS = "pgnotifications.contracts.additive=pass";

    private ContractMessages() {
    }

    /**
     * A channel's contract differs from what the run derives or records: one line per change, breaking first at
     * each path, then what changed it where known, then what to do.
     *
     * @param changedBy       the migration or script that changed it, when the library can tell
     * @param additiveAllowed whether additive changes pass ({@value #ADDITIVE_PASS})
     */
    public static String differences(String channel, String contractFile, List<ContractChange> changes,
                                     Optional<String> changedBy, boolean additiveAllowed) {
        long breaking = changes.stream().filter(change -> change.kind() == Kind.BREAKING).count();
        long additive = changes.size() - breaking;
        StringBuilder message = new StringBuilder("The payloads of channel '").append(channel)
                .append("' no longer match its contract ").append(contractFile).append(": ")
                .append(count(breaking, "breaking change")).append(", ").append(count(additive, "additive change"))
                .append(".");
        changes.forEach(change -> message.append("\n  ").append(line(change)));
        changedBy.ifPresent(script -> message.append("\nChanged by ").append(script).append("."));
        message.append("\n").append(whatToDo(contractFile, changedBy, breaking, additive, additiveAllowed));
        return message.toString();
    }

    /** "BREAKING  record.balance: type changed, was number (SQL numeric), now string (SQL text)". */
    static String line(ContractChange change) {
        String where = change.path().isEmpty() ? "the channel" : Paths.readable(change.path());
        StringBuilder line = new StringBuilder(change.kind() == Kind.BREAKING ? "BREAKING  " : "ADDITIVE  ")
                .append(where).append(": ").append(change.what());
        if (!change.before().isEmpty()) {
            line.append(", was ").append(change.before());
        }
        if (!change.after().isEmpty()) {
            line.append(change.before().isEmpty() ? ": " : ", now ").append(change.after());
        } else if (!change.before().isEmpty()) {
            line.append(", now gone");
        }
        return line.toString();
    }

    private static String whatToDo(String contractFile, Optional<String> changedBy, long breaking, long additive,
                                   boolean additiveAllowed) {
        String cause = changedBy.map(script -> " (" + script + ")").orElse("");
        if (breaking == 0 && additiveAllowed) {
            return "Additive changes pass (" + ADDITIVE_PASS + "); to record them in the contract, run "
                    + UPDATE_COMMAND + ", review the changes to " + contractFile + " and asyncapi.json, and commit"
                    + " them.";
        }
        String toDo = "If this is intended, run " + UPDATE_COMMAND + ", review the changes to " + contractFile
                + " and asyncapi.json, and commit them with the change" + cause + ", so that the channel's consumers"
                + " see it in review. If it is not, fix the migration or trigger" + cause + " that changed it.";
        if (additive > 0 && !additiveAllowed) {
            toDo += " Additive changes fail until the contract is updated; to let them pass, set " + ADDITIVE_PASS
                    + ".";
        }
        return toDo;
    }

    /** A recorded payload that does not fit its channel's contract: each violation, then the payload. */
    public static String violation(String channel, String contractFile, List<PayloadViolation> violations,
                                   String payload) {
        StringBuilder message = new StringBuilder("A notification on channel '").append(channel)
                .append("' does not fit its contract ").append(contractFile).append(":");
        violations.forEach(violation -> message.append("\n  ").append(line(violation)));
        message.append("\nPayload:\n  ").append(payload.replace("\n", "\n  "))
                .append("\nIf the payload is right and the contract is out of date, run ").append(UPDATE_COMMAND)
                .append(", review the changes to ").append(contractFile)
                .append(" and commit them. If it is not, fix the trigger or the code that sent it.");
        return message.toString();
    }

    /** "/record/id = \"7\": must be an integer; ...", "/record/owner: is missing; ...". */
    static String line(PayloadViolation violation) {
        String where = violation.path().isEmpty() ? "the payload" : violation.path();
        String value = ViolationWords.MISSING.equals(violation.value()) ? "" : " = " + violation.value();
        return where + value + ": " + violation.rule();
    }

    /**
     * Contracts that do not exist where they must (under CI, or when verifying).
     *
     * @param underCi whether the {@code CI} environment variable is why missing files are not written
     */
    public static String missing(List<String> files, boolean underCi) {
        String why = underCi ? "the CI environment variable is set, so missing contracts are not written"
                : "pgnotifications.contracts=verify, so missing contracts are not written";
        return (files.size() == 1 ? "A listened channel has no contract" : files.size() + " listened channels have"
                + " no contract") + " (" + why + "):" + Texts.indented(files)
                + "\nWrite " + (files.size() == 1 ? "it" : "them") + " by running the tests on a developer machine"
                + " (where missing contracts are written) or with " + UPDATE_COMMAND + ", then review and commit "
                + (files.size() == 1 ? "it" : "them") + ".";
    }

    /** A contract file the library cannot read. */
    public static String unreadable(String file, String reason) {
        return "The contract " + file + " cannot be read: " + Texts.clause(reason) + ". Contract files are written by"
                + " the library, not by hand: restore it from version control, or run " + UPDATE_COMMAND
                + " to write it again from this run, then review and commit it.";
    }

    /** The contracts a run wrote (write and update modes), for the run's log. */
    public static String written(List<String> files) {
        return "Wrote " + count(files.size(), "payload contract") + "; review and commit "
                + (files.size() == 1 ? "it" : "them") + ":" + Texts.indented(files);
    }

    /** Contracts of channels no test listened to in this run: reported, never deleted. */
    public static String notListened(List<String> files) {
        return count(files.size(), "contract") + " of channels no test listened to in this run, kept as they are:"
                + Texts.indented(files) + "\nIf a channel is gone, delete its file, run " + UPDATE_COMMAND
                + " to rewrite asyncapi.json without it, and commit both.";
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
