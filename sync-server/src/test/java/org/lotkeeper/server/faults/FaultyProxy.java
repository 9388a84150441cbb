package org.lotkeeper.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that loses answers: requests always reach the server, but a share of
 * responses is thrown away and the connection cut, as when a network drops after the server has
 * committed. Only ever connects to 127.0.0.1.
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final double dropShare;
    private final Random random;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger dropped = new AtomicInteger();

    FaultyProxy(int upstreamPort, double dropShare, long seed) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.dropShare = dropShare;
        this.random = new Random(seed);
        pool.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                pool.execute(() -> pump(client, upstream, false));
                pool.execute(() -> pump(upstream, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean responses) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (responses && drop()) {
                    dropped.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized boolean drop() {
        return random.nextDouble() < dropShare;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
