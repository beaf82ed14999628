package io.github.pgnotifications.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on loopback for plaintext PostgreSQL connections ({@code sslmode=disable}) that reads the server's
 * stream message by message and, when armed, stalls one notification mid-message: it forwards the first three bytes
 * (the type and half the length), holds the rest for a while, then sends it. That is what a congested network or a
 * paused proxy does to a reader that is waiting for a message.
 */
public final class StallingProxy implements AutoCloseable {

    private static final int HEAD_BYTES = 3;

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Stall> armed = new AtomicReference<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);

    public StallingProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "stalling-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next notification whose bytes contain {@code marker} is held after its first three bytes for {@code time}. */
    public void stallNextNotificationContaining(String marker, Duration time) {
        armed.set(new Stall(marker.getBytes(StandardCharsets.UTF_8), time));
    }

    /** Whether the armed stall has begun: the first three bytes of the notification are on their way. */
    public boolean awaitStallBegun(Duration limit) throws InterruptedException {
        return stalled.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                start(() -> copy(client, target), "stalling-proxy-to-server");
                start(() -> forwardMessages(target, client), "stalling-proxy-to-client");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump, String name) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side closed; the link ends.
        }
        closeQuietly(from, to);
    }

    private void forwardMessages(Socket from, Socket to) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(from.getInputStream()));
             OutputStream out = new BufferedOutputStream(to.getOutputStream())) {
            while (true) {
                byte[] message = readMessage(in);
                Stall stall = armed.get();
                if (message[0] == 'A' && stall != null && stall.matches(message) && armed.compareAndSet(stall, null)) {
                    forwardStalled(message, stall.time(), out);
                } else {
                    out.write(message);
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side closed; the link ends.
        }
        closeQuietly(from, to);
    }

    private void forwardStalled(byte[] message, Duration time, OutputStream out) throws IOException {
        out.write(message, 0, HEAD_BYTES);
        out.flush();
        stalled.countDown();
        try {
            // The stall is the fault under test; closing the proxy cuts it short.
            closing.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write(message, HEAD_BYTES, message.length - HEAD_BYTES);
    }

    private static byte[] readMessage(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException();
        }
        int length = in.readInt();
        byte[] message = new byte[1 + length];
        message[0] = (byte) type;
        message[1] = (byte) (length >>> 24);
        message[2] = (byte) (length >>> 16);
        message[3] = (byte) (length >>> 8);
        message[4] = (byte) length;
        in.readFully(message, 5, length - 4);
        return message;
    }

    private static void closeQuietly(Socket... ends) {
        for (Socket end : ends) {
            try {
                end.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
        sockets.forEach(StallingProxy::closeQuietly);
    }

    private record Stall(byte[] marker, Duration time) {
        boolean matches(byte[] message) {
            outer:
            for (int i = 0; i + marker.length <= message.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (message[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
