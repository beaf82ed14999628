package io.github.pgnotifications.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * A {@code socketFactory} for pgjdbc URLs that stands in for a tunnel: whatever host and port the URL names, its
 * sockets connect to the loopback port given as {@code socketFactoryArg}. It keeps the local port of every socket it
 * connected, per argument, so that a test can tell which server sessions came through it.
 */
public final class TunnelSocketFactory extends SocketFactory {

    private static final Map<String, Set<Integer>> LOCAL_PORTS = new ConcurrentHashMap<>();

    private final String argument;
    private final int port;

    /** pgjdbc calls this constructor with the URL's {@code socketFactoryArg}. */
    public TunnelSocketFactory(String port) {
        this.argument = port;
        this.port = Integer.parseInt(port);
    }

    /** The local ports of the sockets that factories made with this {@code socketFactoryArg} have connected. */
    public static Set<Integer> localPorts(String argument) {
        return Set.copyOf(ports(argument));
    }

    private static Set<Integer> ports(String argument) {
        return LOCAL_PORTS.computeIfAbsent(argument, key -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public Socket createSocket() {
        return new TunnelSocket();
    }

    @Override
    public Socket createSocket(String host, int ignoredPort) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, ignoredPort));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int ignoredPort, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, ignoredPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int ignoredPort) throws IOException {
        return createSocket(host.getHostAddress(), ignoredPort);
    }

    @Override
    public Socket createSocket(InetAddress address, int ignoredPort, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, ignoredPort);
    }

    /** A socket that goes to the tunnel's end, whatever address it is asked to connect to. */
    private final class TunnelSocket extends Socket {
        @Override
        public void connect(SocketAddress ignored, int timeout) throws IOException {
            super.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
            ports(argument).add(getLocalPort());
        }
    }
}
