package io.github.pgnotifications.internal.contracts;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Observed contracts of channels fed by the team's own triggers: the seed's and Spring Integration's. */
@Timeout(60)
@PgNotifications(channels = {"users", "int_channel_message_notify"},
        scripts = {"examples/src/test/resources/seed-users.sql", "classpath:contracts/spring-integration-messages.sql"})
class ObservedFromRecordingsTest {

    @Test
    void theSeedsTriggerAndSpringIntegrationsPlainTextNotificationsGiveTheirShapes(NotificationRecorder recorder,
                                                                                  DataSource db) {
        exec(db, "INSERT INTO users VALUES ('1', 'Ann', 'Lee')", "UPDATE users SET last_name = 'Li'",
                "DELETE FROM users",
                "INSERT INTO int_channel_message VALUES ('m1', 'g1', 'orders')");
        recorder.sync();
        ObservedShapes shapes = new ObservedShapes();
        recorder.notifications().forEach(n -> shapes.observe(n.channel(), n.payload()));

        assertThat(shapes.channels()).containsExactly("int_channel_message_notify", "users");
        assertThat(ContractJson.write(shapes.contractOf("int_channel_message_notify").orElseThrow()))
                .isEqualTo("""
                        {
                          "$schema": "https://json-schema.org/draft/2020-12/schema",
                          "title": "int_channel_message_notify",
                          "description": "Payloads the tests of a run recorded on channel\
                         'int_channel_message_notify': field names, JSON types, and the fields every payload had as\
                         required",
                          "x-pg-notifications": {
                            "origin": "observed",
                            "payload": "text"
                          },
                          "type": "string"
                        }
                        """);
        assertThat(ContractJson.write(shapes.contractOf("users").orElseThrow())).endsWith("""
                          "x-pg-notifications": {
                            "origin": "observed"
                          },
                          "type": "object",
                          "properties": {
                            "action": {
                              "type": "string"
                            },
                            "db_schema": {
                              "type": "string"
                            },
                            "old": {
                              "type": ["null", "object"],
                              "properties": {
                                "first_name": {
                                  "type": "string"
                                },
                                "id": {
                                  "type": "string"
                                },
                                "last_name": {
                                  "type": "string"
                                }
                              },
                              "required": ["first_name", "id", "last_name"]
                            },
                            "record": {
                              "type": "object",
                              "properties": {
                                "first_name": {
                                  "type": "string"
                                },
                                "id": {
                                  "type": "string"
                                },
                                "last_name": {
                                  "type": "string"
                                }
                              },
                              "required": ["first_name", "id", "last_name"]
                            },
                            "table": {
                              "type": "string"
                            },
                            "timestamp": {
                              "type": "string"
                            }
                          },
                          "required": ["action", "db_schema", "old", "record", "table", "timestamp"]
                        }
                        """);
    }
}
