package io.github.pgnotifications.benchmark.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs test classes through the Jupiter engine, as a build tool does, and reports each class's time from the start of
 * its container to its end, as Surefire reports a class's time: everything a class costs, the extension's
 * preparation and clean-up included.
 *
 * @param classes    each class's time, in the order the classes started
 * @param wall       the whole run
 * @param testsFailed how many tests or containers failed (the figures are void unless zero)
 */
public record ClassTimes(List<Duration> classes, Duration wall, long testsFailed) {

    public static ClassTimes run(List<Class<?>> testClasses, Map<String, String> configuration) {
        Instant started = Instant.now();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(testClasses.stream().map(type -> (DiscoverySelector) selectClass(type)).toList()
                        .toArray(DiscoverySelector[]::new))
                .configurationParameters(configuration)
                .execute();
        Duration wall = Duration.between(started, Instant.now());
        Map<TestDescriptor, Instant> starts = new HashMap<>();
        List<Instant[]> spans = new ArrayList<>();
        for (Event event : results.containerEvents().list()) {
            TestDescriptor descriptor = event.getTestDescriptor();
            if (descriptor.getSource().filter(ClassSource.class::isInstance).isEmpty()) {
                continue;
            }
            switch (event.getType()) {
                case STARTED -> starts.put(descriptor, event.getTimestamp());
                case FINISHED -> spans.add(new Instant[] {starts.get(descriptor), event.getTimestamp()});
                default -> {
                }
            }
        }
        spans.sort(Comparator.comparing(span -> span[0]));
        List<Duration> times = spans.stream().map(span -> Duration.between(span[0], span[1])).toList();
        return new ClassTimes(times, wall, results.allEvents().failed().count());
    }

    /** The first class's time: it builds what the later ones reuse. */
    public Duration first() {
        return classes.get(0);
    }

    /** The later classes' times, in nanoseconds. */
    public long[] laterNanos() {
        return classes.subList(1, classes.size()).stream().mapToLong(Duration::toNanos).toArray();
    }
}
