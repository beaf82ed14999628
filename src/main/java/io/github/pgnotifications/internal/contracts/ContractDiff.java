package io.github.pgnotifications.internal.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** TEMPORARY stand-in for contracts-check's ContractDiff (dropped at merge): properties, recursively. */
public final class ContractDiff {

    private ContractDiff() {
    }

    public static List<ContractChange> compare(ChannelContract committed, ChannelContract current) {
        List<ContractChange> changes = new ArrayList<>();
        compare(committed.channel(), "", committed.schema(), current.schema(), changes);
        return changes;
    }

    private static void compare(String channel, String path, Map<String, Object> before, Map<String, Object> after,
                                List<ContractChange> changes) {
        Map<String, Object> was = StandIns.map(before.get("properties"));
        Map<String, Object> is = StandIns.map(after.get("properties"));
        for (String name : StandIns.sortedUnion(was.keySet(), is.keySet())) {
            String at = path + "/" + name;
            Map<String, Object> b = StandIns.map(was.get(name));
            Map<String, Object> a = StandIns.map(is.get(name));
            if (!is.containsKey(name)) {
                changes.add(new ContractChange(ContractChange.Kind.BREAKING, channel, at, b.toString(), "",
                        "field removed"));
            } else if (!was.containsKey(name)) {
                changes.add(new ContractChange(ContractChange.Kind.ADDITIVE, channel, at, "", a.toString(),
                        "new field"));
            } else if (b.containsKey("properties") || a.containsKey("properties")) {
                compare(channel, at, b, a, changes);
            } else if (!Objects.equals(b, a)) {
                changes.add(new ContractChange(ContractChange.Kind.BREAKING, channel, at, b.toString(), a.toString(),
                        "type changed"));
            }
        }
    }
}
