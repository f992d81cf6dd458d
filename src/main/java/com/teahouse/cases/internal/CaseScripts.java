package com.teahouse.cases.internal;

import com.teahouse.store.LuaScript;
import com.teahouse.store.RedisStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Lua scripts under resources/cases/, each run by its SHA ({@link LuaScript}). */
@Component
class CaseScripts {

    private final RedisStore store;
    private final Map<String, LuaScript> scripts = new HashMap<>();

    CaseScripts(RedisStore store) {
        this.store = store;
        for (String name : List.of("open", "transition", "claim-item", "finish-item", "takeover", "reindex",
                "anonymise", "rename-holders")) {
            scripts.put(name, LuaScript.resource("/cases/" + name + ".lua"));
        }
    }

    Object run(String name, List<String> keys, List<String> args) {
        return scripts.get(name).run(store, keys, args);
    }
}
