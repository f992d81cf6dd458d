package com.teahouse.staff.internal;

import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Lua scripts under resources/staff/, each run by its SHA ({@link LuaScript}). */
@Component
class StaffScripts {

    private final RedisStore store;
    private final Map<String, LuaScript> scripts = new HashMap<>();

    StaffScripts(RedisStore store) {
        this.store = store;
        for (String name : List.of("login-gate", "login-passed", "link-telegram", "unlink-telegram",
                "update-account")) {
            scripts.put(name, LuaScript.resource("/staff/" + name + ".lua"));
        }
    }

    long run(String name, List<String> keys, List<String> args) {
        return ((Number) scripts.get(name).run(store, keys, args)).longValue();
    }
}
