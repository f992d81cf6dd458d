package com.teahouse.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script sent to Redis once and then run by its SHA, so a hot path does not ship the script's text with
 * every call. A Redis that restarted or failed over has forgotten the script: the call then sends the text once
 * and loads it again next time. Every key the script touches that the caller can name goes in {@code keys}.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private volatile String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /** A script written inline; the name only serves error messages. */
    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    /** A script on the classpath, such as {@code /cases/open.lua}; missing is a build error, found at start. */
    public static LuaScript resource(String path) {
        try (InputStream in = LuaScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the classpath");
            }
            return new LuaScript(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path + " unreadable", e);
        }
    }

    public Object run(RedisStore store, List<String> keys, List<String> args) {
        String known = sha;
        if (known == null) {
            known = store.jedis().scriptLoad(source);
            sha = known;
        }
        try {
            return store.jedis().evalsha(known, keys, args);
        } catch (JedisNoScriptException e) {
            sha = null;
            return store.jedis().eval(source, keys, args);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + "]";
    }
}
