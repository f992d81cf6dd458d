package com.teahouse.staff.internal;

import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** The Lua scripts under resources/staff/, run by their SHA (loaded again if Redis restarted and forgot them). */
@Component
class StaffScripts {

    private final RedisStore store;
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    StaffScripts(RedisStore store) {
        this.store = store;
        for (String name : List.of("login-gate", "login-passed", "link-telegram", "unlink-telegram",
                "update-account")) {
            sources.put(name, read(name));
        }
    }

    long run(String name, List<String> keys, List<String> args) {
        String sha = shas.computeIfAbsent(name, n -> store.jedis().scriptLoad(sources.get(n)));
        Object result;
        try {
            result = store.jedis().evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            shas.remove(name);
            result = store.jedis().eval(sources.get(name), keys, args);
        }
        return ((Number) result).longValue();
    }

    private static String read(String name) {
        try (InputStream in = StaffScripts.class.getResourceAsStream("/staff/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("staff/" + name + ".lua missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
