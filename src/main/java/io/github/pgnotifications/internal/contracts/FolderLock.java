package io.github.pgnotifications.internal.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises what the runs and forks do to one contracts folder: a lock file in the temporary directory, locked with
 * the operating system's file lock across JVMs, and with a lock of this JVM inside it (a JVM cannot hold two file
 * locks on one file, so two run coordinators of one JVM wait here for each other).
 */
final class FolderLock {

    // Process-wide by nature: one per lock file, for every coordinator of this JVM.
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final Path recordFile;

    FolderLock(Path folder) {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "pg-notifications-contracts",
                digest(folder.toAbsolutePath().normalize().toString()));
        this.lockFile = base.resolveSibling(base.getFileName() + ".lock");
        this.recordFile = base.resolveSibling(base.getFileName() + ".run");
    }

    Path recordFile() {
        return recordFile;
    }

    <T> T locked(Supplier<T> action) {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, key -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
