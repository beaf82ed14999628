package io.github.pgnotifications.internal.listen;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A plain TCP socket that counts the bytes read from it and, once the listener has proven that pgjdbc reads straight
 * from it (no TLS, no GSS encryption in between), answers pgjdbc's probe for a further message at once.
 *
 * <p>Why: after each notification pgjdbc asks whether more is waiting by setting SO_TIMEOUT to 1 ms and reading
 * ({@code PGStream.hasMessagePending}); when nothing is waiting the read times out a millisecond later, and every
 * wake-up pays that millisecond (pgjdbc issues 1547, 1987). A read made while SO_TIMEOUT is exactly 1 ms with no
 * byte in the kernel's buffer ends here with the same {@link SocketTimeoutException} straight away. A byte that
 * arrives meanwhile stays in the kernel's buffer for the next read, so nothing can be lost.
 *
 * <p>Thread-safety: read by one thread at a time (pgjdbc's), watched by others through volatile fields.
 */
final class ListenerSocket extends Socket {

    /** The SO_TIMEOUT pgjdbc sets for its probe, and sets for nothing else. */
    private static final int PROBE_TIMEOUT_MILLIS = 1;

    private volatile int soTimeout;
    private volatile boolean shortcut;
    private volatile long bytesRead;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long probesAnswered;
    private InputStream input;

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        super.setSoTimeout(timeout);
        soTimeout = timeout;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new CountingInput(super.getInputStream());
        }
        return input;
    }

    /** Turns the probe shortcut on: only once the connection is known to read this socket's bytes unchanged. */
    void answerProbesAtOnce() {
        shortcut = true;
    }

    boolean answersProbesAtOnce() {
        return shortcut;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** When the last byte was read, as {@link System#nanoTime()}; the socket's creation before that. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    /** How many probes were answered without waiting. */
    long probesAnswered() {
        return probesAnswered;
    }

    private final class CountingInput extends FilterInputStream {

        CountingInput(InputStream socketInput) {
            super(socketInput);
        }

        @Override
        public int read() throws IOException {
            skipAnEmptyProbe();
            int read = in.read();
            if (read >= 0) {
                counted(1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            skipAnEmptyProbe();
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void skipAnEmptyProbe() throws IOException {
            if (shortcut && soTimeout == PROBE_TIMEOUT_MILLIS && in.available() == 0) {
                probesAnswered++;
                throw new SocketTimeoutException("nothing waiting");
            }
        }

        private void counted(int bytes) {
            bytesRead += bytes;
            lastReadNanos = System.nanoTime();
        }
    }
}
