package io.github.pgnotifications.internal.listen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.SocketFactory;

/**
 * The listener's {@code socketFactory}: plain TCP sockets that count what they read and can answer pgjdbc's 1 ms
 * "is more waiting?" probe at once (see {@link ListenerSocket}). Public only because pgjdbc instantiates it by name.
 */
public final class ListenerSocketFactory extends SocketFactory {

    // pgjdbc makes its own instance of this class from the class name and never hands back the socket, so the socket
    // reaches the listener through the thread that opens the connection, for the duration of that call only.
    // Inheritable, because with a loginTimeout pgjdbc connects on a thread it starts for the purpose.
    private static final ThreadLocal<Consumer<ListenerSocket>> CREATED = new InheritableThreadLocal<>();

    /** Called by pgjdbc. */
    public ListenerSocketFactory() {
    }

    /**
     * Runs {@code connect}, handing every socket this factory makes meanwhile on this thread, or on a thread it starts,
     * to {@code created} (which must be thread-safe).
     */
    static <T, E extends Exception> T capturing(Consumer<ListenerSocket> created, Connect<T, E> connect) throws E {
        Consumer<ListenerSocket> outer = CREATED.get();
        CREATED.set(created);
        try {
            return connect.run();
        } finally {
            CREATED.set(outer);
        }
    }

    /** A connection attempt. */
    @FunctionalInterface
    interface Connect<T, E extends Exception> {
        T run() throws E;
    }

    @Override
    public Socket createSocket() {
        ListenerSocket socket = new ListenerSocket();
        Consumer<ListenerSocket> created = CREATED.get();
        if (created != null) {
            created.accept(socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
