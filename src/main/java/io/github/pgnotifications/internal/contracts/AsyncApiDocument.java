package io.github.pgnotifications.internal.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0.0 document of a contracts folder ({@value #FILE_NAME}): per channel a channel whose
 * {@code address} is the channel's name, one message whose payload is the channel's JSON Schema file (by relative
 * reference, schema format JSON Schema 2020-12), and a {@code receive} operation. Ids are the channel's name with
 * every character but {@code [A-Za-z0-9-]} written {@code _XX} (its UTF-8 bytes in hex), as AsyncAPI allows only
 * {@code [A-Za-z0-9_-]} in ids; sorted, no timestamps, so the same channels give the same bytes.
 */
public final class AsyncApiDocument {

    /** The document's file name in the contracts folder. */
    public static final String FILE_NAME = "asyncapi.json";

    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AsyncApiDocument() {
    }

    /** The document of these channels' contracts, as the folder's file holds it. */
    public static String write(Collection<ChannelContract> contracts) {
        Map<String, Object> channels = new TreeMap<>();
        Map<String, Object> operations = new TreeMap<>();
        for (ChannelContract contract : contracts) {
            String id = idOf(contract.channel());
            channels.put(id, channel(contract, id));
            operations.put("receive-" + id, operation(id));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", info());
        document.put("defaultContentType", "application/json");
        document.put("channels", channels);
        document.put("operations", operations);
        return PrettyJson.write(document);
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "pg-notifications channels");
        info.put("version", "1");
        info.put("description", "PostgreSQL LISTEN/NOTIFY channels the tests listened to. Each message's payload is"
                + " described by the JSON Schema file next to this document; pg-notifications writes and verifies"
                + " them.");
        return info;
    }

    private static Map<String, Object> channel(ChannelContract contract, String id) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("schemaFormat", SCHEMA_FORMAT);
        payload.put("schema", Map.of("$ref", "./" + uriPath(ContractFileNames.of(contract.channel()))));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", contract.channel());
        if (isText(contract)) {
            message.put("contentType", "text/plain");
        }
        message.put("payload", payload);
        message.put("x-pg-notifications-origin", ContractJson.originName(contract.origin()));
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("address", contract.channel());
        channel.put("messages", Map.of(id, message));
        return channel;
    }

    private static Map<String, Object> operation(String id) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("action", "receive");
        operation.put("channel", Map.of("$ref", "#/channels/" + id));
        operation.put("messages", List.of(Map.of("$ref", "#/channels/" + id + "/messages/" + id)));
        return operation;
    }

    private static boolean isText(ChannelContract contract) {
        return contract.schema().get(ContractJson.EXTENSION) instanceof Map<?, ?> extension
                && ObservedShapes.TEXT.equals(extension.get("payload"));
    }

    /** The channel's id in the document: {@code [A-Za-z0-9-]} kept, every other UTF-8 byte as {@code _XX}. */
    static String idOf(String channel) {
        StringBuilder id = new StringBuilder();
        for (byte b : channel.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
                id.append((char) c);
            } else {
                id.append('_').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return id.toString();
    }

    /** A file name as a relative URI path: its {@code %} escapes are literal characters of the name. */
    private static String uriPath(String fileName) {
        return fileName.replace("%", "%25");
    }
}
