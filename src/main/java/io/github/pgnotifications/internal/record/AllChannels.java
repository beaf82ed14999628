package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ListenerGap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The absence checks over every listened channel at once, with the same barrier and proofs as one channel's. */
final class AllChannels {

    private static final String WHERE = "any listened channel";

    private final ChannelView.Context context;

    AllChannels(ChannelView.Context context) {
        this.context = context;
    }

    void assertNothing(boolean elseOnly, String description) {
        String what = elseOnly ? "nothing else" : "nothing";
        Predicate<Entry> counted = elseOnly ? entry -> !entry.claimed() : entry -> true;
        context.sync().run();
        List<ListenerGap> gaps = context.journal().gaps();
        if (!gaps.isEmpty()) {
            throw context.failures().cannotProveAbsence(what, WHERE, gaps.get(gaps.size() - 1), description);
        }
        context.failures().requireProvable(what, WHERE, context.channelKeys().tablesOf(
                context.journal().channelNames()), description);
        Map<String, List<Entry>> found = new LinkedHashMap<>();
        context.journal().allChannels().forEach((channel, entries) -> {
            List<Entry> arrived = entries.stream().filter(counted).toList();
            if (!arrived.isEmpty()) {
                found.put(channel, arrived);
            }
        });
        if (!found.isEmpty()) {
            throw context.failures().expectedNothingOnAnyChannel(what, found, description);
        }
    }
}
