package io.github.pgnotifications.internal.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the forks of one run have done to a contracts folder so far: which files they wrote (so that a later fork
 * merges into them rather than taking them for committed ones) and which channels they listened to (so that only
 * channels no fork listened to are reported as orphans). Kept outside the folder, in the temporary directory, so
 * nothing of it is committed; read and written only under the folder's {@link FolderLock}.
 */
final class RunRecord {

    private final String runId;
    private final Set<String> written;
    private final Set<String> listened;

    private RunRecord(String runId, Set<String> written, Set<String> listened) {
        this.runId = runId;
        this.written = written;
        this.listened = listened;
    }

    /** The record of {@code runId}: what its forks wrote so far, or nothing when the file is of another run. */
    static RunRecord read(Path file, String runId) {
        RunRecord fresh = new RunRecord(runId, new TreeSet<>(), new TreeSet<>());
        try {
            if (!Files.isRegularFile(file)) {
                return fresh;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("run\t" + runId)) {
                return fresh;
            }
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                String kind = tab < 0 ? "" : line.substring(0, tab);
                (kind.equals("wrote") ? fresh.written : fresh.listened).add(line.substring(tab + 1));
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("run\t" + runId);
        written.forEach(name -> lines.add("wrote\t" + name));
        listened.forEach(name -> lines.add("listened\t" + name));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean wrote(String fileName) {
        return written.contains(fileName);
    }

    void addWritten(String fileName) {
        written.add(fileName);
    }

    void addListened(Set<String> fileNames) {
        listened.addAll(fileNames);
    }

    boolean listened(String fileName) {
        return listened.contains(fileName);
    }
}
