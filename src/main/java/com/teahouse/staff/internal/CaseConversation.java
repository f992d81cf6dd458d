package com.teahouse.staff.internal;

import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.ConversationLine;
import com.teahouse.messaging.Attachment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's conversation as both sides saw it, for the case page: the bot's prompts and the user's answers (with
 * the labels of the buttons pressed) from the case's transcript, the files the user sent (by their index, fetched
 * through the console's authorized download, never by a channel URL), and, from the event log in the order they
 * were said, what staff relayed and answered and what the entrepreneur said to them during the takeover. Texts are returned as they were said; the page shows them as text.
 */
final class CaseConversation {

    /** The event of what the entrepreneur said while staff held the case, in the order it was said. */
    static final String OWNER_SAID = "owner-message";

    private CaseConversation() {
    }

    static List<Map<String, Object>> of(CaseRecord c, List<CaseHistoryEntry> history) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConversationLine l : c.transcript()) {
            out.add(line(l.from().id(), l.text(), l.at() == null ? null : l.at().toEpochMilli(), null));
        }
        List<Attachment> files = c.attachments();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("index", i);
            file.put("kind", a.kind());
            file.put("name", a.fileName());
            file.put("mimeType", a.mimeType());
            file.put("size", a.size());
            file.put("photo", "photo".equals(a.kind()) || (a.mimeType() != null && a.mimeType().startsWith("image/")));
            file.put("href", "/staff/api/cases/" + c.trackingNumber() + "/attachments/" + i);
            out.add(line("user", "", c.openedAt().toEpochMilli(), file));
        }
        for (CaseHistoryEntry e : history) {
            if (("message".equals(e.type()) || "resolve".equals(e.type())) && e.note() != null) {
                Map<String, Object> m = line("staff", e.note(), e.at().toEpochMilli(), null);
                m.put("who", e.whoName());
                out.add(m);
            } else if (OWNER_SAID.equals(e.type()) && e.note() != null) {
                // what the entrepreneur said during a takeover, kept already masked for the unit (cases module)
                out.add(line("user", e.note(), e.at().toEpochMilli(), null));
            }
        }
        return out;
    }

    private static Map<String, Object> line(String from, String text, Long at, Map<String, Object> file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("text", text);
        m.put("at", at);
        if (file != null) {
            m.put("attachment", file);
        }
        return m;
    }
}
