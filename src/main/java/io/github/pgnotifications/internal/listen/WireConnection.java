package io.github.pgnotifications.internal.listen;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection speaking PostgreSQL's frontend/backend protocol (version 3), only as far as a listener needs it:
 * startup and authentication, simple queries, and reading whatever the server sends, notifications included.
 *
 * <p>Why our own and not pgjdbc or a client library: pgjdbc probes the socket with a 1 ms read after each notification
 * (a millisecond on every wake-up, see the benchmark), and the asynchronous clients bring Netty and Vert.x, whose
 * versions the user's build manages and would clash with ours. A listener needs a few message types; this is them.
 *
 * <p>Reading is for one thread; {@link #send} may be called from any thread.
 */
final class WireConnection implements AutoCloseable {

    private static final int PROTOCOL_3_0 = 196_608;

    private final Socket socket;
    private final ReadBuffer buffer;
    private final DataInputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    // Read only by the reading thread.
    private int currentTimeout = -1;

    private WireConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.buffer = new ReadBuffer(socket.getInputStream());
        this.in = new DataInputStream(buffer);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
    }

    /**
     * Opens a connection, negotiates TLS as the endpoint's {@code sslmode} asks, authenticates, and returns once the
     * server is ready for queries.
     */
    static WireConnection open(ListenerEndpoint endpoint, int timeoutMillis) throws IOException, ListenException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket = Tls.negotiate(socket, endpoint);
            WireConnection connection = new WireConnection(socket);
            connection.startUp(endpoint);
            return connection;
        } catch (IOException | ListenException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void startUp(ListenerEndpoint endpoint) throws IOException, ListenException {
        writeStartup(Map.of("user", endpoint.user(), "database", endpoint.database(),
                "application_name", endpoint.applicationName(), "client_encoding", "UTF8"));
        Authentication authentication = new Authentication(endpoint.user(), endpoint.password());
        while (true) {
            BackendMessage message = read();
            switch (message.type()) {
                case 'R' -> {
                    byte[] reply = authentication.answer(message.reader());
                    if (reply != null) {
                        send('p', reply);
                    }
                }
                case 'E' -> throw ServerError.of(message).toException();
                case 'Z' -> {
                    authentication.checkCompleted();
                    return;
                }
                default -> {
                    // ParameterStatus, BackendKeyData, notices: nothing the listener needs.
                }
            }
        }
    }

    private void writeStartup(Map<String, String> parameters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(Wire.int32(PROTOCOL_3_0));
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            body.write(Wire.cString(parameter.getKey()));
            body.write(Wire.cString(parameter.getValue()));
        }
        body.write(0);
        writeLock.lock();
        try {
            out.write(Wire.int32(body.size() + 4));
            body.writeTo(out);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends a simple query; its results arrive through {@link #read()}. */
    void sendQuery(String sql) throws IOException {
        send('Q', Wire.cString(sql));
    }

    private void send(char type, byte[] body) throws IOException {
        writeLock.lock();
        try {
            out.write(type);
            out.write(Wire.int32(body.length + 4));
            out.write(body);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The next message from the server, with the default timeouts of the connection (used while starting up).
     */
    BackendMessage read() throws IOException {
        return read(socket.getSoTimeout(), socket.getSoTimeout());
    }

    /**
     * The next message from the server.
     *
     * @param firstByteMillis how long to wait for a message to begin; on {@link java.net.SocketTimeoutException}
     *                        nothing has been consumed, so reading can go on
     * @param restMillis      how long the rest of a begun message may take; a timeout there leaves the stream
     *                        mid-message, so the caller must treat it as a lost connection
     */
    BackendMessage read(int firstByteMillis, int restMillis) throws IOException {
        readTimeout(firstByteMillis);
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        readTimeout(restMillis);
        int length = in.readInt();
        if (length < 4) {
            throw new IOException("malformed message '" + (char) type + "' of length " + length);
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new BackendMessage((char) type, body);
    }

    private void readTimeout(int millis) throws IOException {
        if (millis != currentTimeout) {
            socket.setSoTimeout(millis);
            currentTimeout = millis;
        }
    }

    /**
     * Tells the server the session ends, if it can at once (a writer stuck on a dead connection must not hold up
     * closing). The server then closes the connection, after its backend has left the list of sessions, so that a
     * reader who waits for that end knows the session is gone (and a DROP DATABASE right after does not wait for it).
     */
    void terminate() {
        try {
            if (writeLock.tryLock(100, TimeUnit.MILLISECONDS)) {
                try {
                    out.write('X');
                    out.write(Wire.int32(4));
                    out.flush();
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (IOException e) {
            // The connection is gone already.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Says goodbye, then closes the socket; a blocked {@link #read()} returns with an error. */
    @Override
    public void close() {
        terminate();
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    /** Whether bytes of a next message are already read from the socket, so that reading it would not wait. */
    boolean hasBuffered() {
        return buffer.buffered() > 0;
    }

    /** The socket's input, read 16 KB at a time; says how much is left without asking the socket (a system call). */
    private static final class ReadBuffer extends BufferedInputStream {
        ReadBuffer(InputStream socketInput) {
            super(socketInput, 16 * 1024);
        }

        synchronized int buffered() {
            return count - pos;
        }
    }
}
