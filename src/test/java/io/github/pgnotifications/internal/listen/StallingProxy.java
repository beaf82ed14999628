package io.github.pgnotifications.internal.listen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback whose server-to-client direction can be held after a given number of bytes, as a congested
 * or dying network holds the rest of a message; released later, or never. New connections flow normally.
 */
final class StallingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    StallingProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "stalling-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every connection open now passes {@code bytes} more bytes to the client, then holds the rest. */
    void stallOpenConnectionsAfter(int bytes) {
        links.forEach(link -> link.stallAfter(bytes));
    }

    /** Hands the client everything held, and lets bytes flow again. */
    void release() {
        links.forEach(Link::release);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Link link = new Link(client, new Socket(InetAddress.getLoopbackAddress(), targetPort));
                links.add(link);
                link.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        links.forEach(Link::close);
    }

    /** One proxied connection. Its stall state is guarded by itself. */
    private static final class Link {
        private final Socket client;
        private final Socket target;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private long passBeforeStall = -1;

        Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void start() throws IOException {
            OutputStream toClient = client.getOutputStream();
            pump(client.getInputStream(), (buffer, length) -> write(target.getOutputStream(), buffer, 0, length));
            pump(target.getInputStream(), (buffer, length) -> toClient(toClient, buffer, length));
        }

        private synchronized void toClient(OutputStream out, byte[] buffer, int length) throws IOException {
            int pass = passBeforeStall < 0 ? length : (int) Math.min(length, passBeforeStall);
            write(out, buffer, 0, pass);
            if (passBeforeStall >= 0) {
                passBeforeStall -= pass;
                held.write(buffer, pass, length - pass);
            }
        }

        synchronized void stallAfter(int bytes) {
            passBeforeStall = bytes;
        }

        synchronized void release() {
            passBeforeStall = -1;
            try {
                write(client.getOutputStream(), held.toByteArray(), 0, held.size());
            } catch (IOException e) {
                close();
            }
            held.reset();
        }

        private static void write(OutputStream out, byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            out.flush();
        }

        private interface Sender {
            void send(byte[] buffer, int length) throws IOException;
        }

        private void pump(InputStream in, Sender sender) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        sender.send(buffer, read);
                    }
                } catch (IOException e) {
                    // The other side closed; the link ends.
                }
                close();
            }, "stalling-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            try {
                client.close();
                target.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
