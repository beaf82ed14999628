package io.github.pgnotifications.internal.contracts;

import static io.github.pgnotifications.internal.contracts.SampleContracts.ACCOUNTS;
import static io.github.pgnotifications.internal.contracts.SampleContracts.TEXT;
import static io.github.pgnotifications.internal.contracts.SampleContracts.USERS;
import static io.github.pgnotifications.internal.contracts.SampleContracts.USERS_PAYLOAD;
import static io.github.pgnotifications.internal.contracts.SampleContracts.catalog;
import static io.github.pgnotifications.internal.contracts.SampleContracts.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadValidatorTest {

    private static final PayloadValidator USERS_CONTRACT = PayloadValidator.of(observed("users", USERS));
    private static final PayloadValidator ACCOUNTS_CONTRACT = PayloadValidator.of(catalog("accounts", ACCOUNTS));

    /** An insert into accounts as the library's trigger sends it. */
    private static final String INSERT = "{\"timestamp\": \"2026-11-25T06:51:35.123+00:00\", \"action\": \"insert\","
            + " \"db_schema\": \"public\", \"table\": \"accounts\", \"seq\": 3,"
            + " \"record\": {\"id\": 42, \"balance\": 10.50, \"owner\": \"Ada\"}, \"old\": null}";

    @Test
    void theSeedUsersTriggersPayloadFitsItsContract() {
        assertThat(USERS_CONTRACT.validate(USERS_PAYLOAD)).isEmpty();
        assertThat(USERS_CONTRACT.validate(USERS_PAYLOAD.replace("\"last_name\": \"Lovelace\"", "\"last_name\": null")))
                .isEmpty();
    }

    @Test
    void anIdSentAsTextWhereTheContractSaysIntegerNamesPathValueAndRule() {
        assertThat(USERS_CONTRACT.validate(USERS_PAYLOAD.replace("\"id\": 42", "\"id\": \"7\""))).containsExactly(
                new PayloadViolation("/record/id", "\"7\"", "must be an integer; the contract says record.id is"
                        + " integer"));
    }

    @Test
    void theCatalogsSqlAndJavaTypesAreInTheRule() {
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT)).isEmpty();
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT.replace("\"id\": 42", "\"id\": \"7\""))).containsExactly(
                new PayloadViolation("/record/id", "\"7\"", "must be an integer; the contract says record.id is"
                        + " integer (SQL bigint, Java java.lang.Long)"));
    }

    @Test
    void aMissingRequiredFieldIsNamedWithWhatTheContractExpectsThere() {
        assertThat(USERS_CONTRACT.validate(USERS_PAYLOAD.replace(", \"last_name\": \"Lovelace\"", "")))
                .containsExactly(new PayloadViolation("/record/last_name", "(missing)",
                        "is missing; the contract says every payload has record.last_name: null or string"));
    }

    @Test
    void aFieldTheCatalogContractDoesNotListIsNamed() {
        String withSsn = INSERT.replace("\"owner\": \"Ada\"", "\"owner\": \"Ada\", \"ssn\": \"1\"");
        assertThat(ACCOUNTS_CONTRACT.validate(withSsn))
                .containsExactly(new PayloadViolation("/record/ssn", "\"1\"", "is not in the contract; record has only"
                        + " the fields the contract lists (additionalProperties: false)"));
    }

    @Test
    void enumsAndConstantsSayTheirValues() {
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT.replace("\"insert\"", "\"truncate\"")
                .replace("\"public\"", "\"audit\""))).containsExactly(
                new PayloadViolation("/action", "\"truncate\"", "must be one of \"delete\", \"insert\", \"update\"; the"
                        + " contract says action is one of those"),
                new PayloadViolation("/db_schema", "\"audit\"", "must be \"public\"; the contract says db_schema is"
                        + " always that"));
    }

    @Test
    void aWrongOldRowIsJudgedAsARowNotAlsoAsNull() {
        String update = INSERT.replace("\"old\": null", "\"old\": {\"id\": 1.5, \"balance\": 1, \"owner\": null}");
        assertThat(ACCOUNTS_CONTRACT.validate(update)).containsExactly(new PayloadViolation("/old/id", "1.5",
                "must be an integer; the contract says old.id is integer (SQL bigint, Java java.lang.Long)"));
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT.replace("\"old\": null", "\"old\": 5"))).containsExactly(
                new PayloadViolation("/old", "5", "must be an object or null; the contract says old is object or"
                        + " null"));
    }

    @Test
    void plainTextIsTextOnAPlainTextChannelEvenWhenItLooksLikeJson() {
        PayloadValidator jobs = PayloadValidator.of(observed("jobs", TEXT));

        assertThat(jobs.validate("job 7 done")).isEmpty();
        assertThat(jobs.validate("42")).isEmpty();
        assertThat(jobs.validate("{\"id\": 7}")).isEmpty();
    }

    @Test
    void plainTextOnAJsonChannelIsAStringWhereAnObjectIsExpected() {
        assertThat(USERS_CONTRACT.validate("user 42 changed")).containsExactly(new PayloadViolation("",
                "\"user 42 changed\"", "must be an object; the contract says the payload is object"));
    }

    @Test
    void aChannelThatSendsTextAndJsonTakesEither() {
        PayloadValidator both = PayloadValidator.of(observed("jobs", "{\"x-pg-notifications\": {\"origin\":"
                + " \"observed\"}, \"anyOf\": [{\"type\": \"string\"}, {\"type\": \"object\", \"properties\":"
                + " {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}]}"));

        assertThat(both.validate("job 7 done")).isEmpty();
        assertThat(both.validate("{\"id\": 7}")).isEmpty();
        assertThat(both.validate("{\"id\": \"7\"}")).containsExactly(new PayloadViolation("/id", "\"7\"",
                "must be an integer; the contract says id is integer"));
    }

    @Test
    void exactNumbersAreShownAsSent() {
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT.replace("\"seq\": 3", "\"seq\": 3.10")))
                .containsExactly(new PayloadViolation("/seq", "3.10", "must be an integer; the contract says seq is"
                        + " integer"));
    }

    @Test
    void eachContractsReferencesResolveInItsOwnDocument() {
        PayloadValidator textIds = PayloadValidator.of(catalog("ledger", ACCOUNTS.replace("\"accounts\"", "\"ledger\"")
                .replace("\"id\": {\"type\": \"integer\", \"x-sql-type\": \"bigint\"",
                        "\"id\": {\"type\": \"string\", \"x-sql-type\": \"text\"")));
        String ledgerInsert = INSERT.replace("\"accounts\"", "\"ledger\"");

        assertThat(textIds.validate(ledgerInsert)).extracting(PayloadViolation::path).containsExactly("/record/id");
        assertThat(ACCOUNTS_CONTRACT.validate(INSERT)).isEmpty();
        assertThat(textIds.validate(ledgerInsert.replace("\"id\": 42", "\"id\": \"42\""))).isEmpty();
    }

    @Test
    void aSchemaTheLibraryCannotCompileIsRefusedNamingTheChannel() {
        ChannelContract broken = new ChannelContract("jobs", ChannelContract.Origin.OBSERVED,
                Map.of("type", "object", "properties", Map.of("id", Map.of("$ref", "#/$defs/missing"))));

        assertThatThrownBy(() -> PayloadValidator.of(broken).validate("{\"id\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jobs'");
    }
}
