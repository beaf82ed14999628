package io.github.pgnotifications.internal.contracts;

import java.util.Map;

/** TEMPORARY stand-in for contracts-model's ContractJson (dropped at merge). */
public final class ContractJson {

    private ContractJson() {
    }

    public static String write(ChannelContract contract) {
        return StandIns.pretty(contract.schema());
    }

    public static ChannelContract read(String channel, String json) {
        Map<String, Object> schema = StandIns.map(StandIns.parse(json));
        Object origin = StandIns.map(schema.get("x-pg-notifications")).get("origin");
        return new ChannelContract(channel, "catalog".equals(origin) ? ChannelContract.Origin.CATALOG
                : ChannelContract.Origin.OBSERVED, schema);
    }
}
