package io.github.pgnotifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that can freeze the connections it carries: bytes stop flowing both ways while the sockets
 * stay open, which is what a half-open connection looks like to the client. New connections flow normally.
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    public FreezableProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "freezable-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Stops every connection open now from carrying bytes, without closing it. */
    public void freezeOpenConnections() {
        links.forEach(Link::freeze);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, target);
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

    private static final class Link {
        private final Socket client;
        private final Socket target;
        private volatile boolean frozen;

        Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void start() throws IOException {
            pump(client.getInputStream(), target.getOutputStream());
            pump(target.getInputStream(), client.getOutputStream());
        }

        private void pump(InputStream in, OutputStream out) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        if (!frozen) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // The other side closed; the link ends.
                }
                close();
            }, "freezable-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void freeze() {
            frozen = true;
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
