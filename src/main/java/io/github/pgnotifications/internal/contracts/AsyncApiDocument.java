package io.github.pgnotifications.internal.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** TEMPORARY stand-in for contracts-model's AsyncApiDocument (dropped at merge). */
public final class AsyncApiDocument {

    public static final String FILE_NAME = "asyncapi.json";

    private AsyncApiDocument() {
    }

    public static String write(Collection<ChannelContract> contracts) {
        Map<String, Object> channels = new TreeMap<>();
        for (ChannelContract contract : contracts) {
            channels.put(contract.channel(), Map.of("address", contract.channel(),
                    "$ref", "./" + ContractFileNames.of(contract.channel())));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("channels", channels);
        return StandIns.pretty(document);
    }
}
