package com.ekyc.admin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut, as a database restart or a network
 * failure would: {@link #cut()} closes every connection and refuses new ones,
 * {@link #restore()} accepts connections again on the same port.
 */
public final class CuttableProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "cuttable-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile int port;

	private volatile ServerSocket server;

	private CuttableProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
	}

	/**
	 * Starts forwarding from a free port of 127.0.0.1 to the target.
	 */
	public static CuttableProxy start(String targetHost, int targetPort) {
		CuttableProxy proxy = new CuttableProxy(targetHost, targetPort);
		proxy.listen();
		return proxy;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Closes every connection through the proxy and refuses new ones.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		this.sockets.forEach(CuttableProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Accepts connections again, on the same port.
	 */
	public synchronized void restore() {
		if (this.server == null) {
			listen();
		}
	}

	private synchronized void listen() {
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.port = listening.getLocalPort();
			this.server = listening;
			this.threads.execute(() -> accept(listening));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				this.sockets.add(client);
				Socket target;
				try {
					target = new Socket(this.targetHost, this.targetPort);
				}
				catch (IOException ex) {
					closeQuietly(client);
					continue;
				}
				this.sockets.add(target);
				if (this.server != listening) {
					// Cut while connecting.
					closeQuietly(client);
					closeQuietly(target);
					continue;
				}
				this.threads.execute(() -> pump(client, target));
				this.threads.execute(() -> pump(target, client));
			}
			catch (IOException ex) {
				// Closed by cut() or close().
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// One side went away: the other goes too.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Closing is all that is wanted.
			}
		}
	}

	@Override
	public void close() {
		cut();
		this.threads.shutdownNow();
	}

}
