package io.github.pgnotifications.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plaintext TCP proxy in front of a real server that plays a hostile server for one kind of client: a connection
 * whose startup message carries {@code application_name} equal to the trapped name is answered, instead of being
 * forwarded, with a request for the password in cleartext; every other connection goes through to the real server.
 * It counts the connections it trapped and the cleartext passwords it was sent.
 */
public final class CleartextTrap implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CLEARTEXT_PASSWORD = 3;

    private final ServerSocket server;
    private final int targetPort;
    private final String trappedApplication;
    private final AtomicInteger trapped = new AtomicInteger();
    private final AtomicInteger passwordsReceived = new AtomicInteger();

    public CleartextTrap(int targetPort, String trappedApplication) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.trappedApplication = trappedApplication;
        Thread acceptor = new Thread(this::accept, "cleartext-trap-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections that asked to be {@code trappedApplication} and were asked for a cleartext password. */
    public int trapped() {
        return trapped.get();
    }

    /** Cleartext password messages the trapped connections sent. */
    public int passwordsReceived() {
        return passwordsReceived.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread connection = new Thread(() -> serve(client), "cleartext-trap-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            byte[] startup = readStartup(in, client.getOutputStream());
            if (trappedApplication.equals(parameters(startup).get("application_name"))) {
                askForCleartextPassword(in, client);
            } else {
                forward(client, startup);
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    /** The startup packet, after declining any request for TLS or GSS encryption. */
    private static byte[] readStartup(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = in.readInt();
            byte[] packet = new byte[length];
            writeInt(packet, 0, length);
            in.readFully(packet, 4, length - 4);
            int code = readInt(packet, 4);
            if (code != SSL_REQUEST && code != GSS_REQUEST) {
                return packet;
            }
            out.write('N');
            out.flush();
        }
    }

    private static Map<String, String> parameters(byte[] startup) {
        Map<String, String> parameters = new HashMap<>();
        String[] fields = new String(startup, 8, startup.length - 8, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            parameters.put(fields[i], fields[i + 1]);
        }
        return parameters;
    }

    private void askForCleartextPassword(DataInputStream in, Socket client) throws IOException {
        trapped.incrementAndGet();
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(CLEARTEXT_PASSWORD);
        out.flush();
        client.setSoTimeout(30_000);
        if (in.read() == 'p') {
            passwordsReceived.incrementAndGet();
        }
    }

    private void forward(Socket client, byte[] startup) throws IOException {
        try (Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            target.getOutputStream().write(startup);
            target.getOutputStream().flush();
            Thread back = new Thread(() -> copy(target, client), "cleartext-trap-to-client");
            back.setDaemon(true);
            back.start();
            copy(client, target);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side closed.
        }
        try {
            from.close();
            to.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
