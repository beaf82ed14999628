package io.github.pgnotifications.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs a test class through the Jupiter engine, as a build tool would, and reads what happened. */
public final class Engine {

    private Engine() {
    }

    public static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    public static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameters(configuration)
                // System properties too, so that the suite run in existing-server mode runs these cases there as well.
                .enableImplicitConfigurationParameters(true)
                .execute();
    }

    /** Asserts that exactly {@code tests} tests ran and all passed; otherwise fails with the first failure as cause. */
    public static void assertPassed(EngineExecutionResults results, long tests) {
        long failed = results.allEvents().failed().count();
        long succeeded = results.testEvents().succeeded().count();
        if (failed > 0 || succeeded != tests) {
            AssertionError error = new AssertionError("expected " + tests + " passing tests, got " + succeeded
                    + " passing and " + failed + " failed containers or tests");
            if (failed > 0) {
                error.initCause(firstFailure(results));
            }
            throw error;
        }
    }

    /** The message of the first failure reported for any container or test, or fails if there was none. */
    public static Throwable firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .flatMap(payload -> payload.stream())
                .filter(org.junit.platform.engine.TestExecutionResult.class::isInstance)
                .map(org.junit.platform.engine.TestExecutionResult.class::cast)
                .flatMap(result -> result.getThrowable().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("expected a failure, but every container and test passed: "
                        + results.allEvents().list().stream().map(Event::getType).map(EventType::name).toList()));
    }
}
