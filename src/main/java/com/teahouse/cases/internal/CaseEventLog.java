package com.teahouse.cases.internal;

import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A case's event log as people read it: {@code case:<t>:events}, a stream never trimmed (anonymising keeps its
 * entries without their free text), appended only by the case scripts (open.lua, transition.lua).
 */
@Component
class CaseEventLog {

    private final RedisStore store;

    CaseEventLog(RedisStore store) {
        this.store = store;
    }

    /** Every entry, oldest first, read a page at a time. */
    List<CaseHistoryEntry> history(String tracking) {
        List<CaseHistoryEntry> out = new ArrayList<>();
        StreamEntryID after = new StreamEntryID(0, 0);
        while (true) {
            List<StreamEntry> page = store.jedis().xrange(store.key("case:" + tracking + ":events"),
                    new StreamEntryID(after.getTime(), after.getSequence() + 1), (StreamEntryID) null, 500);
            for (StreamEntry e : page) {
                Map<String, String> f = e.getFields();
                out.add(new CaseHistoryEntry(e.getID().toString(), f.get("type"), f.get("who"), f.get("whoName"),
                        CaseCodec.instant(f.get("at")), f.get("from"), f.get("to"), f.get("note")));
            }
            if (page.size() < 500) {
                return out;
            }
            after = page.get(page.size() - 1).getID();
        }
    }
}
