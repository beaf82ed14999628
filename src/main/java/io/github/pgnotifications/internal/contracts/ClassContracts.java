package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * One test class's part in its run's contracts: the channels whose payloads it checks (those fed by the team's own
 * triggers), and the check at the end of each test. Catalog channels were checked when the class was set up; their
 * payloads come from the library's trigger, whose contract that check pinned. Thread-safe as {@link Contracts} is.
 */
public final class ClassContracts {

    /** Contracts off: no channel observed, nothing checked, no cost per test. */
    public static final ClassContracts OFF = new ClassContracts(null, Set.of());

    private final Contracts run;
    private final Set<String> observed;

    ClassContracts(Contracts run, Set<String> observed) {
        this.run = run;
        this.observed = observed;
    }

    /** The channels whose payloads are kept for {@link #afterTest}; empty when there is nothing to check. */
    public Set<String> observedChannels() {
        return observed;
    }

    /**
     * Adds a test's payloads to the run's shapes and checks them against the committed contracts: a payload that does
     * not fit, or (unless additive changes may pass) a field the contract does not have yet, fails the test.
     *
     * @param payloads   what arrived on the observed channels during the test, in arrival order
     * @param testFailed whether the test failed already: then its payloads are only observed
     * @throws AssertionFailedError naming the channel, the JSON path, the value and the rule, payload attached
     */
    public void afterTest(List<Notification> payloads, boolean testFailed) {
        List<String> failures = new ArrayList<>();
        byChannel(payloads).forEach((channel, texts) -> {
            ObservedShapes shapes = new ObservedShapes();
            texts.forEach(text -> shapes.observe(channel, text));
            shapes.contractOf(channel).ifPresent(shape -> {
                run.merge(shape);
                if (!testFailed && run.settings().mode() != ContractSettings.Mode.UPDATE) {
                    check(channel, texts, shape).ifPresent(failures::add);
                }
            });
        });
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(String.join("\n\n", failures));
        }
    }

    /** What arrived after the last test (in {@code @AfterAll} methods): observed, not checked. */
    public void observeOnly(List<Notification> payloads) {
        if (run != null && !payloads.isEmpty()) {
            afterTest(payloads, true);
        }
    }

    private Optional<String> check(String channel, List<String> texts, ChannelContract shape) {
        return run.validator(channel).flatMap(validator -> {
            for (String text : texts) {
                List<PayloadViolation> violations = validator.validate(text);
                if (!violations.isEmpty()) {
                    return Optional.of(ContractMessages.violation(channel, run.file(channel).toString(), violations,
                            text));
                }
            }
            ChannelContract committed = run.committed(channel).orElseThrow();
            List<ContractChange> changes = ContractDiff.compare(committed, ObservedShapes.merge(committed, shape));
            return run.fails(changes) ? Optional.of(ContractMessages.differences(channel,
                    run.file(channel).toString(), changes, Optional.empty(), run.settings().additiveAllowed()))
                    : Optional.empty();
        });
    }

    private static Map<String, List<String>> byChannel(List<Notification> payloads) {
        Map<String, List<String>> byChannel = new LinkedHashMap<>();
        payloads.forEach(notification -> byChannel.computeIfAbsent(notification.channel(), key -> new ArrayList<>())
                .add(notification.payload()));
        return byChannel;
    }
}
