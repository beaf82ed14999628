package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.SetupException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One run's contracts folder, shared by every test class of the run (of this JVM) that names it: checks each class's
 * catalog contracts when the class is set up, keeps each channel's committed contract and compiled validator, merges
 * the shapes observed by every test, and at the end of the run writes what the mode says, merged under the folder's
 * lock with what the run's other forks wrote, rewrites the AsyncAPI document and reports orphaned contracts.
 * Thread-safe: classes run in parallel.
 */
public final class Contracts implements AutoCloseable {

    private static final Log LOG = Log.of(Contracts.class);

    private final ContractSettings settings;
    private final ContractFolder folder;
    private final FolderLock lock;
    /** The files in the folder when the run began that no fork of this run wrote: the committed ones. */
    private final Set<String> committedFiles;
    private final Map<String, Optional<ChannelContract>> committed = new ConcurrentHashMap<>();
    private final Map<String, Optional<PayloadValidator>> validators = new ConcurrentHashMap<>();
    private final Map<String, ChannelContract> catalog = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ChannelContract>> derivedBySchema = new ConcurrentHashMap<>();
    // Guarded by itself.
    private final Map<String, ChannelContract> observed = new TreeMap<>();
    private final Set<String> listened = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RunEnd ended;

    private Contracts(ContractSettings settings, Set<String> committedFiles) {
        this.settings = settings;
        this.folder = new ContractFolder(settings.folder());
        this.lock = new FolderLock(settings.folder());
        this.committedFiles = committedFiles;
    }

    /** Takes note of the folder as the run finds it: which files are committed, which other forks already wrote. */
    public static Contracts open(ContractSettings settings) {
        ContractFolder folder = new ContractFolder(settings.folder());
        FolderLock lock = new FolderLock(settings.folder());
        Set<String> committed = lock.locked(() -> {
            RunRecord record = RunRecord.read(lock.recordFile(), settings.runId());
            record.save(lock.recordFile());
            return folder.channelFiles().values().stream().map(path -> path.getFileName().toString())
                    .filter(name -> !record.wrote(name)).collect(Collectors.toSet());
        });
        return new Contracts(settings, committed);
    }

    public ContractSettings settings() {
        return settings;
    }

    /**
     * A test class's contracts, checked now that its triggers are installed: each catalog channel's contract derived
     * and compared with the committed one (or, in this run, with what an earlier class derived); under verify, every
     * channel must have a committed contract.
     *
     * @param connection       a connection to the class's database, opened only if needed
     * @param schemaDigest     what tells the class's schema from others (its preparation's digest), or null when
     *                         nothing does
     * @param catalogChannels  the channels of the tables with the library's trigger
     * @param observedChannels the other channels the class listens to
     * @throws SetupException naming the missing files, or the differences, channel by channel
     */
    public ClassContracts forClass(Supplier<Connection> connection, String schemaDigest,
                                   Collection<String> catalogChannels, Collection<String> observedChannels,
                                   ChangedBy changedBy) {
        Set<String> observedOnly = new LinkedHashSet<>(observedChannels);
        observedOnly.removeAll(catalogChannels);
        listened.addAll(catalogChannels);
        listened.addAll(observedOnly);
        List<String> missing = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        Map<String, ChannelContract> derived = catalogChannels.isEmpty() ? Map.of()
                : derived(connection, schemaDigest);
        for (String channel : catalogChannels) {
            Optional.ofNullable(derived.get(channel)).ifPresent(current -> baseline(current).ifPresentOrElse(
                    committed -> difference(committed, current, connection, changedBy).ifPresent(differences::add),
                    () -> addIfVerifying(missing, channel)));
        }
        observedOnly.stream().filter(channel -> committed(channel).isEmpty())
                .forEach(channel -> addIfVerifying(missing, channel));
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(ContractMessages.missing(missing, settings.underCi()));
        }
        problems.addAll(differences);
        if (!problems.isEmpty()) {
            throw new SetupException(String.join("\n\n", problems));
        }
        return new ClassContracts(this, Set.copyOf(observedOnly));
    }

    /**
     * What a catalog contract is compared with: the committed file, else what an earlier class of the run derived
     * for the channel; under update, only the latter (the run rewrites the file, but its classes must agree).
     */
    private Optional<ChannelContract> baseline(ChannelContract current) {
        ChannelContract earlier = catalog.putIfAbsent(current.channel(), current);
        return settings.mode() == ContractSettings.Mode.UPDATE ? Optional.ofNullable(earlier)
                : committed(current.channel()).or(() -> Optional.ofNullable(earlier));
    }

    private Optional<String> difference(ChannelContract baseline, ChannelContract current,
                                        Supplier<Connection> connection, ChangedBy changedBy) {
        String channel = current.channel();
        List<ContractChange> changes = ContractDiff.compare(baseline, current);
        return fails(changes) ? Optional.of(ContractMessages.differences(channel, file(channel).toString(), changes,
                changedBy.find(connection, channel, changes), settings.additiveAllowed())) : Optional.empty();
    }

    /**
     * The catalog contracts of a class's database: read once per schema, since classes whose preparation digests are
     * equal get copies of one template; read each time where the digest cannot tell (an application's own schema).
     */
    private Map<String, ChannelContract> derived(Supplier<Connection> connection, String schemaDigest) {
        if (schemaDigest == null) {
            return CatalogContracts.deriveAll(connection.get());
        }
        return derivedBySchema.computeIfAbsent(schemaDigest, key -> CatalogContracts.deriveAll(connection.get()));
    }

    private void addIfVerifying(List<String> missing, String channel) {
        if (settings.mode() == ContractSettings.Mode.VERIFY) {
            missing.add(file(channel).toString());
        }
    }

    boolean fails(List<ContractChange> changes) {
        return changes.stream().anyMatch(change -> change.kind() == ContractChange.Kind.BREAKING
                || !settings.additiveAllowed());
    }

    /** The committed contract of a channel, read once per run; none for a file that a fork of this run wrote. */
    Optional<ChannelContract> committed(String channel) {
        return committed.computeIfAbsent(channel, key -> committedFiles.contains(ContractFileNames.of(key))
                ? folder.read(key) : Optional.empty());
    }

    /** The validator of a channel's committed contract, compiled once per run; none where nothing is committed. */
    Optional<PayloadValidator> validator(String channel) {
        return validators.computeIfAbsent(channel, key -> committed(key).map(PayloadValidator::of));
    }

    Path file(String channel) {
        return folder.file(channel);
    }

    /** Adds what one test (or class) observed on a channel to the run's shape of it. */
    void merge(ChannelContract shape) {
        synchronized (observed) {
            observed.merge(shape.channel(), shape, ObservedShapes::merge);
        }
    }

    /**
     * The end of the run: writes (write mode: missing files; update: every file this run has a contract for), merged
     * with what the run's other forks wrote, rewrites the AsyncAPI document, reports what it wrote and the orphans.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Map<String, ChannelContract> contracts = new TreeMap<>();
        synchronized (observed) {
            contracts.putAll(observed);
        }
        contracts.putAll(catalog);
        RunEnd end = lock.locked(() -> new RunEnd(settings, folder, lock.recordFile(), listened).finish(contracts));
        ended = end;
        end.report(LOG);
    }

    /** What the end of the run wrote and reported; null before {@link #close()}. For tests. */
    RunEnd ended() {
        return ended;
    }
}
