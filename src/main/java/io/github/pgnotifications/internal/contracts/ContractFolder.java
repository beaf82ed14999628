package io.github.pgnotifications.internal.contracts;

import java.io.ByteArrayOutputStream;
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

    static final String SUFFIX = ".schema.json";
    static final String ASYNCAPI = "asyncapi.json";

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

    Optional<ChannelContract> read(String channel) {
        return text(file(channel)).map(json -> ContractJson.read(channel, json));
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
            listing.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).forEach(path -> {
                String name = path.getFileName().toString();
                channelOf(name.substring(0, name.length() - SUFFIX.length()))
                        .filter(channel -> ContractFileNames.of(channel).equals(name))
                        .ifPresent(channel -> files.put(channel, path));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The channel a file name stands for: the reverse of the {@code %XX} escapes of {@link ContractFileNames}. */
    static Optional<String> channelOf(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length()) {
                try {
                    bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                i += 2;
            } else if (c < 128) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    /** Lists file names the way a message shows them: sorted, comma-separated. */
    static String names(Stream<Path> files) {
        return String.join(", ", files.map(path -> path.getFileName().toString()).sorted()
                .toArray(String[]::new));
    }
}
