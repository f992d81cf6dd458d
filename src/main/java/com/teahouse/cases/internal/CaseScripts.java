package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** The Lua scripts under resources/cases/, run by their SHA (loaded again if Redis restarted and forgot them). */
@Component
class CaseScripts {

    private final RedisStore store;
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    CaseScripts(RedisStore store) {
        this.store = store;
        for (String name : List.of("open", "transition", "claim-item", "finish-item", "takeover", "reindex",
                "anonymise", "rename-holders")) {
            sources.put(name, read(name));
        }
    }

    Object run(String name, List<String> keys, List<String> args) {
        String sha = shas.computeIfAbsent(name, n -> store.jedis().scriptLoad(sources.get(n)));
        try {
            return store.jedis().evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            shas.remove(name);
            return store.jedis().eval(sources.get(name), keys, args);
        }
    }

    private static String read(String name) {
        try (InputStream in = CaseScripts.class.getResourceAsStream("/cases/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("cases/" + name + ".lua missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
