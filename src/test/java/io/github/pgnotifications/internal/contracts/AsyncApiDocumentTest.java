package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.internal.json.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    @Test
    void eachChannelHasAnAddressAMessageReferencingItsSchemaFileAndAReceiveOperation() {
        String document = AsyncApiDocument.write(List.of(observed("orders", "{\"id\": 1}"),
                observed("int_channel_message_notify", "region groupkey")));

        assertThat(document).isEqualTo("""
                {
                  "asyncapi": "3.0.0",
                  "info": {
                    "title": "pg-notifications channels",
                    "version": "1",
                    "description": "PostgreSQL LISTEN/NOTIFY channels the tests listened to. Each message's payload is described by the JSON Schema file next to this document; pg-notifications writes and verifies them."
                  },
                  "defaultContentType": "application/json",
                  "channels": {
                    "int_5Fchannel_5Fmessage_5Fnotify": {
                      "address": "int_channel_message_notify",
                      "messages": {
                        "int_5Fchannel_5Fmessage_5Fnotify": {
                          "name": "int_channel_message_notify",
                          "contentType": "text/plain",
                          "payload": {
                            "schemaFormat": "application/schema+json;version=draft-2020-12",
                            "schema": {
                              "$ref": "./int_channel_message_notify.schema.json"
                            }
                          },
                          "x-pg-notifications-origin": "observed"
                        }
                      }
                    },
                    "orders": {
                      "address": "orders",
                      "messages": {
                        "orders": {
                          "name": "orders",
                          "payload": {
                            "schemaFormat": "application/schema+json;version=draft-2020-12",
                            "schema": {
                              "$ref": "./orders.schema.json"
                            }
                          },
                          "x-pg-notifications-origin": "observed"
                        }
                      }
                    }
                  },
                  "operations": {
                    "receive-int_5Fchannel_5Fmessage_5Fnotify": {
                      "action": "receive",
                      "channel": {
                        "$ref": "#/channels/int_5Fchannel_5Fmessage_5Fnotify"
                      },
                      "messages": [
                        {
                          "$ref": "#/channels/int_5Fchannel_5Fmessage_5Fnotify/messages/int_5Fchannel_5Fmessage_5Fnotify"
                        }
                      ]
                    },
                    "receive-orders": {
                      "action": "receive",
                      "channel": {
                        "$ref": "#/channels/orders"
                      },
                      "messages": [
                        {
                          "$ref": "#/channels/orders/messages/orders"
                        }
                      ]
                    }
                  }
                }
                """);
    }

    @Test
    void oddChannelNamesGiveIdsAsyncApiAllowsAndReferencesThatResolveToTheirFiles() throws Exception {
        List<String> channels = List.of("a/b", "with space", "ü", "a.b", "a_b", "%41");
        String document = AsyncApiDocument.write(channels.stream().map(c -> observed(c, "1")).toList());

        Map<?, ?> tree = (Map<?, ?>) JsonReader.parse(document);
        Map<?, ?> channelsById = (Map<?, ?>) tree.get("channels");
        assertThat(channelsById).hasSize(channels.size());
        for (Map.Entry<?, ?> channel : channelsById.entrySet()) {
            assertThat((String) channel.getKey()).matches("[A-Za-z0-9_-]+");
            String address = (String) ((Map<?, ?>) channel.getValue()).get("address");
            Map<?, ?> message = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) channel.getValue()).get("messages"))
                    .get(channel.getKey());
            String ref = (String) ((Map<?, ?>) ((Map<?, ?>) message.get("payload")).get("schema")).get("$ref");
            String file = java.net.URLDecoder.decode(ref.substring(2).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(new java.net.URI(ref).getPath()).isEqualTo("./" + ContractFileNames.of(address));
            assertThat(file).isEqualTo(ContractFileNames.of(address));
        }
    }

    @Test
    void theSameChannelsInAnyOrderGiveTheSameBytes() {
        ChannelContract a = observed("a", "1");
        ChannelContract b = observed("b", "{}");

        assertThat(AsyncApiDocument.write(List.of(a, b))).isEqualTo(AsyncApiDocument.write(List.of(b, a)));
    }

    private static ChannelContract observed(String channel, String payload) {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe(channel, payload);
        return shapes.contractOf(channel).orElseThrow();
    }
}
