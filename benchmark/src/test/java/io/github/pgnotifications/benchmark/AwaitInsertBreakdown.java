package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import java.io.IOException;
import java.util.List;

/**
 * Where {@code awaitInsert}'s own time goes once the notification is in the recorder (after {@code sync()}, so
 * nothing is waited for): an await that must first parse and index it, an await of one already indexed, and, each
 * done once by this class on a fresh payload in the same state (right after {@code sync()}), the steps a parse is
 * made of and two cheaper ways to find the key.
 */
final class AwaitInsertBreakdown {

    /** A step done once on a payload; returns something so that the JIT keeps the work. */
    private interface Step {
        Object run(String payload) throws IOException;
    }

    /**
     * The parts, each over all rounds.
     *
     * @param unparsed  awaitInsert of an arrived notification nobody has parsed yet: lock, parse, index, lookup
     * @param indexed   awaitInsert of an id already parsed and indexed (by the await of the row before): lock, lookup
     * @param tree      Jackson {@code readTree} and {@code convertValue} of {@code record} to a map, once
     * @param timestamp {@code OffsetDateTime.parse} of the payload's timestamp, once
     * @param onePass   Jackson {@code readValue} of the payload to a map in one pass, once
     * @param keyOnly   Jackson's streaming parser reading only the action and the record's id, once
     */
    record Result(Latencies unparsed, Latencies indexed, Latencies tree, Latencies timestamp, Latencies onePass,
                  Latencies keyOnly) {
    }

    private AwaitInsertBreakdown() {
    }

    static Result measure(RowWriter items, NotificationRecorder recorder, String table, int rounds) throws Exception {
        ChannelRecorder channel = recorder.channel(table);
        items.truncate();
        recorder.reset();
        List<Step> steps = List.of(PayloadParsing::tree, PayloadParsing::timestamp, PayloadParsing::onePass,
                PayloadParsing::keyOnly);
        long[] unparsed = new long[rounds];
        long[] indexed = new long[rounds];
        long[][] once = new long[steps.size()][rounds];
        int id = 0;
        for (int round = 0; round < rounds; round++) {
            items.insertOne(id);
            recorder.sync();
            long started = System.nanoTime();
            channel.awaitInsert(id++);
            unparsed[round] = System.nanoTime() - started;
            // Two rows: awaiting the first parses and indexes both, so the second is a lookup only.
            items.insertOne(id);
            items.insertOne(id + 1);
            recorder.sync();
            channel.awaitInsert(id++);
            started = System.nanoTime();
            channel.awaitInsert(id++);
            indexed[round] = System.nanoTime() - started;
            for (int step = 0; step < steps.size(); step++) {
                items.insertOne(id);
                recorder.sync();
                String payload = newest(channel.notifications()).payload();
                started = System.nanoTime();
                Object kept = steps.get(step).run(payload);
                once[step][round] = System.nanoTime() - started + (kept == null ? 1 : 0);
                channel.awaitInsert(id++);
            }
            if (round % 500 == 499) {
                recorder.reset();
            }
        }
        recorder.reset();
        return new Result(Latencies.of(unparsed), Latencies.of(indexed), Latencies.of(once[0]),
                Latencies.of(once[1]), Latencies.of(once[2]), Latencies.of(once[3]));
    }

    private static Notification newest(List<Notification> notifications) {
        return notifications.get(notifications.size() - 1);
    }
}
