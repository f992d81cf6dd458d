package com.teahouse.store.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * The Sentinel settings, checked: a master name and at least one {@code host:port} sentinel. Each problem is
 * named ({@code teahouse.redis.sentinel.nodes: entry 2 "10.0.0.7" has no port}) so an operator fixes it at once.
 */
record SentinelSettings(String master, Set<HostAndPort> sentinels) {

    static SentinelSettings of(StoreProperties props) {
        StoreProperties.Sentinel s = props.sentinel();
        if (props.url() != null && !props.url().isBlank()) {
            throw new RedisMisconfigured("both teahouse.redis.url and teahouse.redis.sentinel.* are set; "
                    + "use one of them");
        }
        if (s.master() == null || s.master().isBlank()) {
            throw new RedisMisconfigured("teahouse.redis.sentinel.master is not set (the name in the sentinels' "
                    + "\"sentinel monitor <name> ...\")");
        }
        if (s.nodes() == null || s.nodes().isBlank()) {
            throw new RedisMisconfigured("teahouse.redis.sentinel.nodes is not set (host:port of each sentinel, "
                    + "comma-separated)");
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        String[] entries = s.nodes().split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            nodes.add(node(entries[i].trim(), i + 1));
        }
        return new SentinelSettings(s.master().trim(), nodes);
    }

    private static HostAndPort node(String entry, int position) {
        String where = "teahouse.redis.sentinel.nodes: entry " + position;
        if (entry.isEmpty()) {
            throw new RedisMisconfigured(where + " is empty");
        }
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new RedisMisconfigured(where + " \"" + entry + "\" is not host:port");
        }
        String host = entry.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new RedisMisconfigured(where + " \"" + entry + "\" has a port that is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new RedisMisconfigured(where + " \"" + entry + "\" has port " + port + ", outside 1-65535");
        }
        if (!host.matches("[A-Za-z0-9.:_-]+")) {
            throw new RedisMisconfigured(where + " \"" + entry + "\" has a host name with characters a host "
                    + "cannot have");
        }
        return new HostAndPort(host, port);
    }
}
