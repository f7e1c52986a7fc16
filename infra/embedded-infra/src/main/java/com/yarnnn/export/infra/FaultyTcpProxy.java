package com.yarnnn.export.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of one server, for tests of that server's outage while an
 * application runs: {@link #cut()} resets every connection through it and refuses new ones, as a crashed or
 * restarting server looks to its clients; {@link #restore()} lets connections through again. Point the client at
 * {@link #port()} on the loopback address.
 */
public final class FaultyTcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final AtomicInteger PROXIES = new AtomicInteger();

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private FaultyTcpProxy(InetSocketAddress target, ServerSocket server) {
        this.target = target;
        this.server = server;
        String name = "faulty-tcp-proxy-" + PROXIES.incrementAndGet() + "-";
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a proxy that passes connections through to {@code host:port}. */
    public static FaultyTcpProxy start(String host, int port) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FaultyTcpProxy proxy = new FaultyTcpProxy(new InetSocketAddress(host, port), server);
            proxy.threads.execute(proxy::acceptConnections);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a port for the proxy to " + host + ":" + port, e);
        }
    }

    /** The loopback port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(this::reset);
    }

    /** Passes new connections through again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (cut) {
                reset(client);
            } else {
                threads.execute(() -> connect(client));
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException unreachable) {
            reset(client);
            closeOrderly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        // a cut that came while connecting did not see these two yet
        if (cut) {
            reset(client);
            reset(upstream);
            return;
        }
        threads.execute(() -> pump(upstream, client));
        pump(client, upstream);
    }

    /** Copies one direction until either side ends; then both sides end, as they would without the proxy. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // one side closed or was reset
        } finally {
            // an orderly close: what was copied last still reaches the other side
            closeOrderly(from);
            closeOrderly(to);
        }
    }

    private void closeOrderly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes with a TCP reset rather than an orderly close: the peer's next read or write fails at once. */
    private void reset(Socket socket) {
        open.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
