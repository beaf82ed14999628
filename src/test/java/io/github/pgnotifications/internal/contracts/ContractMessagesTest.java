package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractMessagesTest {

    private static final String FILE = "src/test/resources/pg-notifications/accounts.schema.json";

    private static final List<ContractChange> RENAME = List.of(
            new ContractChange(Kind.ADDITIVE, "accounts", "/record/amount", "",
                    "number, not null (SQL numeric(12,2), Java java.math.BigDecimal)",
                    "new field (renamed from balance?)"),
            new ContractChange(Kind.BREAKING, "accounts", "/record/balance",
                    "number, not null (SQL numeric(12,2), Java java.math.BigDecimal)", "",
                    "field removed (renamed to amount?)"));

    @Test
    void aDiffSaysEachChangeWhatChangedItAndWhatToDo() {
        assertThat(ContractMessages.differences("accounts", FILE, RENAME, Optional.of("V3__rename_balance.sql"), false))
                .isEqualTo("""
                        The payloads of channel 'accounts' no longer match its contract \
                        src/test/resources/pg-notifications/accounts.schema.json: 1 breaking change, 1 additive change.
                          ADDITIVE  record.amount: new field (renamed from balance?): number, not null (SQL \
                        numeric(12,2), Java java.math.BigDecimal)
                          BREAKING  record.balance: field removed (renamed to amount?), was number, not null (SQL \
                        numeric(12,2), Java java.math.BigDecimal), now gone
                        Changed by V3__rename_balance.sql.
                        If this is intended, run mvn test -Dpgnotifications.contracts=update, review the changes to \
                        src/test/resources/pg-notifications/accounts.schema.json and asyncapi.json, and commit them \
                        with the change (V3__rename_balance.sql), so that the channel's consumers see it in review. \
                        If it is not, fix the migration or trigger (V3__rename_balance.sql) that changed it. Additive \
                        changes fail until the contract is updated; to let them pass, set \
                        pgnotifications.contracts.additive=pass.""");
    }

    @Test
    void channelWideChangesAndBeforeAndAfterReadAsASentence() {
        ContractChange key = new ContractChange(Kind.BREAKING, "accounts", "", "id", "id, owner", "key changed");

        assertThat(ContractMessages.line(key)).isEqualTo("BREAKING  the channel: key changed, was id, now id, owner");
        assertThat(ContractMessages.differences("accounts", FILE, List.of(key), Optional.empty(), true))
                .contains("0 additive changes").contains("fix the migration or trigger that changed it.")
                .doesNotContain("Changed by").doesNotContain("Additive changes fail");
    }

    @Test
    void additiveChangesThatMayPassStillSayHowToRecordThem() {
        assertThat(ContractMessages.differences("accounts", FILE, RENAME.subList(0, 1), Optional.empty(), true))
                .endsWith("\nAdditive changes pass (pgnotifications.contracts.additive=pass); to record them in the"
                        + " contract, run mvn test -Dpgnotifications.contracts=update, review the changes to"
                        + " src/test/resources/pg-notifications/accounts.schema.json and asyncapi.json, and commit"
                        + " them.");
    }

    @Test
    void aViolationNamesChannelPathValueAndRuleWithThePayloadAttached() {
        String payload = "{\"action\": \"insert\", \"record\": {\"id\": \"7\"}}";
        List<PayloadViolation> violations = List.of(
                new PayloadViolation("/record/id", "\"7\"", "must be an integer; the contract says record.id is"
                        + " integer"),
                new PayloadViolation("/record/name", "(missing)", "is missing; the contract says every payload has"
                        + " record.name: string"));

        assertThat(ContractMessages.violation("users", "src/test/resources/pg-notifications/users.schema.json",
                violations, payload)).isEqualTo("""
                A notification on channel 'users' does not fit its contract \
                src/test/resources/pg-notifications/users.schema.json:
                  /record/id = "7": must be an integer; the contract says record.id is integer
                  /record/name: is missing; the contract says every payload has record.name: string
                Payload:
                  {"action": "insert", "record": {"id": "7"}}
                If the payload is right and the contract is out of date, run mvn test \
                -Dpgnotifications.contracts=update, review the changes to \
                src/test/resources/pg-notifications/users.schema.json and commit them. If it is not, fix the \
                trigger or the code that sent it.""");
    }

    @Test
    void missingContractsUnderCiNameTheFilesAndTheCommand() {
        assertThat(ContractMessages.missing(List.of("a/accounts.schema.json", "a/users.schema.json"), true))
                .isEqualTo("""
                        2 listened channels have no contract (the CI environment variable is set, so missing \
                        contracts are not written):
                          a/accounts.schema.json
                          a/users.schema.json
                        Write them by running the tests on a developer machine (where missing contracts are \
                        written) or with mvn test -Dpgnotifications.contracts=update, then review and commit them.""");
        assertThat(ContractMessages.missing(List.of("a/users.schema.json"), false))
                .startsWith("A listened channel has no contract (pgnotifications.contracts=verify,")
                .endsWith("then review and commit it.");
    }

    @Test
    void anUnreadableContractSaysWhyAndHowToRestoreIt() {
        assertThat(ContractMessages.unreadable("a/users.schema.json", "expected ',' or '}' at line 3, column 5."))
                .isEqualTo("The contract a/users.schema.json cannot be read: expected ',' or '}' at line 3, column 5."
                        + " Contract files are written by the library, not by hand: restore it from version control,"
                        + " or run mvn test -Dpgnotifications.contracts=update to write it again from this run, then"
                        + " review and commit it.");
    }

    @Test
    void writtenAndUnlistenedContractsAreListed() {
        assertThat(ContractMessages.written(List.of("a/users.schema.json")))
                .isEqualTo("Wrote 1 payload contract; review and commit it:\n  a/users.schema.json");
        assertThat(ContractMessages.notListened(List.of("a/old.schema.json"))).isEqualTo(
                "1 contract of channels no test listened to in this run, kept as they are:\n  a/old.schema.json\n"
                        + "If a channel is gone, delete its file, run mvn test -Dpgnotifications.contracts=update to"
                        + " rewrite asyncapi.json without it, and commit both.");
    }
}
