package com.ekyc.admin.callback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses; the system resolver in production, a fixed table
 * in tests of DNS answers that cannot be arranged for real.
 */
@FunctionalInterface
public interface HostResolver {

	HostResolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

	List<InetAddress> resolve(String host) throws UnknownHostException;

}
