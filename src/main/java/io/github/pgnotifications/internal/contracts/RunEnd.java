package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.SetupException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * What a run does to its contracts folder as it ends, under the folder's lock: the files its mode writes, merged with
 * those a fork of the same run wrote; the AsyncAPI document; and what to report. Used once, by one thread.
 */
final class RunEnd {

    private final ContractSettings settings;
    private final ContractFolder folder;
    private final Path recordFile;
    private final Set<String> listenedChannels;
    private final List<String> written = new ArrayList<>();
    private final List<String> orphans = new ArrayList<>();
    private final List<String> silent = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private boolean staleAsyncApi;

    RunEnd(ContractSettings settings, ContractFolder folder, Path recordFile, Set<String> listenedChannels) {
        this.settings = settings;
        this.folder = folder;
        this.recordFile = recordFile;
        this.listenedChannels = Set.copyOf(listenedChannels);
    }

    RunEnd finish(Map<String, ChannelContract> contracts) {
        RunRecord record = RunRecord.read(recordFile, settings.runId());
        if (settings.mode() != ContractSettings.Mode.VERIFY) {
            contracts.values().forEach(contract -> write(contract, record));
        }
        listenedChannels.stream().filter(channel -> !contracts.containsKey(channel)
                        && folder.text(folder.file(channel)).isEmpty())
                .sorted().forEach(silent::add);
        record.addListened(listenedChannels.stream().map(ContractFileNames::of).collect(Collectors.toSet()));
        record.save(recordFile);
        SortedMap<String, Path> files = folder.channelFiles();
        asyncApi(files);
        files.forEach((channel, file) -> {
            if (!record.listened(file.getFileName().toString())) {
                orphans.add(file.toString());
            }
        });
        return this;
    }

    private void write(ChannelContract contract, RunRecord record) {
        Path file = folder.file(contract.channel());
        String name = file.getFileName().toString();
        boolean exists = folder.text(file).isPresent();
        boolean byThisRun = record.wrote(name);
        if (exists && !byThisRun && settings.mode() == ContractSettings.Mode.WRITE_MISSING) {
            return;
        }
        ChannelContract merged = byThisRun && contract.origin() == ChannelContract.Origin.OBSERVED
                ? folder.read(contract.channel()).filter(other -> other.origin() == ChannelContract.Origin.OBSERVED)
                        .map(other -> ObservedShapes.merge(other, contract)).orElse(contract)
                : contract;
        if (folder.writeIfChanged(file, ContractJson.write(merged))) {
            written.add(file + (exists && !byThisRun ? " (updated)" : exists ? " (merged with another fork's)"
                    : " (new)"));
        }
        record.addWritten(name);
    }

    private void asyncApi(SortedMap<String, Path> files) {
        List<ChannelContract> all = new ArrayList<>();
        files.forEach((channel, file) -> {
            try {
                folder.text(file).map(json -> ContractFolder.parse(channel, file, json)).ifPresent(all::add);
            } catch (SetupException e) {
                unreadable.add(e.getMessage());
            }
        });
        if (all.isEmpty()) {
            return;
        }
        String document = AsyncApiDocument.write(all);
        Path file = folder.path().resolve(AsyncApiDocument.FILE_NAME);
        if (settings.mode() == ContractSettings.Mode.VERIFY) {
            staleAsyncApi = !folder.text(file).map(document::equals).orElse(false);
        } else if (folder.writeIfChanged(file, document)) {
            written.add(file.toString());
        }
    }

    void report(Log log) {
        if (!written.isEmpty()) {
            log.warn("{}", ContractMessages.written(written));
        }
        if (!silent.isEmpty()) {
            log.warn("pg-notifications listened on {} but nothing arrived there in this run, so {} no contract in"
                    + " {}: run a test that makes the channel notify.", silent, silent.size() == 1 ? "it has"
                    : "they have", folder.path());
        }
        if (staleAsyncApi) {
            log.warn("{} does not match the contract files in {}: run {} and commit the result.",
                    AsyncApiDocument.FILE_NAME, folder.path(), ContractMessages.UPDATE_COMMAND);
        }
        if (!orphans.isEmpty()) {
            log.warn("{}", ContractMessages.notListened(orphans));
        }
        unreadable.forEach(message -> log.warn("{} (left out of {})", message, AsyncApiDocument.FILE_NAME));
    }

    List<String> written() {
        return List.copyOf(written);
    }

    List<String> orphans() {
        return List.copyOf(orphans);
    }
}
