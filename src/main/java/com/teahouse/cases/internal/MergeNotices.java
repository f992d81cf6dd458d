package com.teahouse.cases.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.cases.CaseNoticeTarget;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseState;
import com.teahouse.messaging.Outbound;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 并单, as the entrepreneurs of the merged cases (B) hear it: that their case is handled together under A (and no
 * longer, after an unmerge), that A is handled again, and what staff say on A. A notice target: each comes from
 * the notices stream, appended by the same script as the merge (or A's change), so a crash loses none and a
 * redelivery posts nothing twice ({@link CaseNotices}).
 */
@Component
class MergeNotices implements CaseNoticeTarget {

    private final CaseStore store;
    private final MergeDesk merges;
    private final Texts texts;

    MergeNotices(CaseStore store, MergeDesk merges, Texts texts) {
        this.store = store;
        this.merges = merges;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public List<Outbound> notices(CaseEvent event) {
        if (event instanceof CaseEvent.CaseMerged m) {
            return tell(m.trackingNumber(), "merge.notice", Map.of("into", m.into()));
        } else if (event instanceof CaseEvent.CaseUnmerged u) {
            return tell(u.trackingNumber(), "merge.unmerged", Map.of("from", u.from()));
        } else if (event instanceof CaseEvent.CaseRejoined r) {
            return tell(r.trackingNumber(), "merge.reopened", Map.of("into", r.into()));
        } else if (event instanceof CaseEvent.StaffSaid s) {
            return relay(s);
        }
        return List.of();
    }

    /** What staff said to A's entrepreneur goes to every entrepreneur whose case is merged into A now. */
    private List<Outbound> relay(CaseEvent.StaffSaid s) {
        List<Outbound> out = new ArrayList<>();
        for (String b : merges.group(s.trackingNumber())) {
            if (CaseState.MERGED.id().equals(store.field(b, "state"))) {
                out.addAll(tell(b, "merge.staff.says", Map.of("into", s.trackingNumber(),
                        "name", s.by() == null || s.by().name() == null ? "" : s.by().name(),
                        "text", s.text() == null ? "" : s.text())));
            }
        }
        return out;
    }

    private List<Outbound> tell(String t, String key, Map<String, Object> params) {
        CaseRecord c = store.get(t).orElse(null);
        if (c == null || c.owner() == null) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(params);
        p.put("number", t);
        return List.of(Outbound.send(c.owner(), texts.render(key, texts.languageFor(c.language()), p)));
    }
}
