package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.SetupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The contract files of one folder: where a channel's file is, reading, writing only what changed, listing. */
final class ContractFolder {

    private final Path folder;

    ContractFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    Path file(String channel) {
        return folder.resolve(ContractFileNames.of(channel));
    }

    /** @throws SetupException for a file that is not a contract, saying what to do */
    Optional<ChannelContract> read(String channel) {
        return text(file(channel)).map(json -> parse(channel, file(channel), json));
    }

    static ChannelContract parse(String channel, Path file, String json) {
        try {
            return ContractJson.read(channel, json);
        } catch (IllegalArgumentException e) {
            throw new SetupException(ContractMessages.unreadable(file.toString(), e.getMessage()), e);
        }
    }

    Optional<String> text(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the text unless the file already holds it, through a file beside it moved into place, so that a reader
     * never sees half a file.
     *
     * @return whether the file was written
     */
    boolean writeIfChanged(Path file, String text) {
        if (text(file).filter(text::equals).isPresent()) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every contract file in the folder, by the channel it is named for. */
    SortedMap<String, Path> channelFiles() {
        SortedMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(folder)) {
            listing.forEach(path -> ContractFileNames.channelOf(path.getFileName().toString())
                    .ifPresent(channel -> files.put(channel, path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
