package io.github.pgnotifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A local service that is not PostgreSQL: to whatever a client sends first it answers with fixed bytes (a RabbitMQ
 * protocol header, a message with an absurd length), then keeps the connection open until the client closes it. It
 * counts the connections it accepted and those the client closed, so a test can see that nothing was left open.
 */
public final class ForeignService implements AutoCloseable {

    /** What RabbitMQ answers to anything that is not AMQP: its protocol header. */
    public static final byte[] AMQP_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};

    /**
     * An authentication request of an unknown kind whose length would make a reader that trusts it allocate about
     * 2 GB (pgjdbc reads the kind first and refuses it).
     */
    public static final byte[] HUGE_LENGTH = {'R', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0, 0, 0x30, 0x39};

    private final ServerSocket server;
    private final byte[] reply;
    private int accepted;
    private int closedByClient;

    public ForeignService(byte[] reply) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.reply = reply.clone();
        Thread acceptor = new Thread(this::accept, "foreign-service-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public synchronized int accepted() {
        return accepted;
    }

    /**
     * Waits until the client closed every connection accepted so far.
     *
     * @return false if some were still open when {@code limit} passed
     */
    public synchronized boolean awaitEveryConnectionClosed(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (closedByClient < accepted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                synchronized (this) {
                    accepted++;
                }
                Thread answer = new Thread(() -> answer(client), "foreign-service-connection");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[8192];
            if (in.read(buffer) >= 0) {
                client.getOutputStream().write(reply);
                client.getOutputStream().flush();
                while (in.read(buffer) >= 0) {
                    // Whatever else the client sends is ignored; the end of the stream is what counts.
                }
            }
            synchronized (this) {
                closedByClient++;
                notifyAll();
            }
        } catch (IOException e) {
            // A reset by the client closes the connection too.
            synchronized (this) {
                closedByClient++;
                notifyAll();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
