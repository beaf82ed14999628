package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops embedded servers whose JVM was killed. An embedded server lives in a {@code epg*} data directory whose
 * {@code epg-lock} file its JVM keeps locked; a JVM killed before its shutdown hook leaves the server running and the
 * lock free. Such a server is stopped (SIGTERM, a smart shutdown: its clients are gone) and its directory removed.
 */
final class OrphanedServers {

    private static final Log LOG = Log.of(OrphanedServers.class);

    private OrphanedServers() {
    }

    static void reap(Path parent) {
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(parent, "epg*")) {
            for (Path directory : directories) {
                // A running server whose lock is free has lost its JVM; a directory without a server may be one
                // that another JVM is just setting up, so it is left alone until it is a few seconds old.
                boolean running = postmaster(directory).isPresent();
                if (isAbandoned(directory) && (running || isOldEnough(directory.resolve("epg-lock")))) {
                    stopAndRemove(directory);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not look for orphaned embedded servers in {}: {}", parent, e.getMessage());
        }
    }

    /** Whether a directory was made more than a few seconds ago. */
    private static boolean isOldEnough(Path lockFile) {
        try {
            return Files.getLastModifiedTime(lockFile).toInstant().isBefore(Instant.now().minusSeconds(10));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isAbandoned(Path directory) {
        try (FileChannel channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static void stopAndRemove(Path directory) {
        postmaster(directory).ifPresent(process -> {
            LOG.info("Stopping embedded PostgreSQL {} left running by a JVM that was killed", directory);
            process.destroy();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
        if (postmaster(directory).isEmpty()) {
            delete(directory);
        }
    }

    /** The running postmaster of this data directory, if its pid file names one that serves it. */
    private static Optional<ProcessHandle> postmaster(Path directory) {
        try (Stream<String> lines = Files.lines(directory.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(lines.findFirst().orElse("").trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(directory.toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", directory, e.getMessage());
        }
    }
}
