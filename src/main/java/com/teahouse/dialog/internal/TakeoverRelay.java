package com.teahouse.dialog.internal;

import com.teahouse.cases.CaseDesk;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * While staff have taken a chat over, the bot stays quiet and passes on what the entrepreneur sends to the
 * case's staff topic, labelled so staff see who is speaking. Staff read the hotline's first language. Each message
 * is also kept in the case's conversation ({@link CaseDesk#ownerSaid}), and the topic gets the words as the case
 * keeps them: for the handling unit, without what identifies a confidential complainant.
 */
final class TakeoverRelay {

    private final Texts texts;

    TakeoverRelay(Texts texts) {
        this.texts = texts;
    }

    List<Outbound> relay(Inbound m, CaseDesk.Takeover takeover, CaseDesk desk) {
        String staffLanguage = texts.languages().get(0);
        String label = texts.plain("relay.label", staffLanguage);
        Address topic = takeover.topic();
        Address owner = new Address(m.from().channel(), m.from().chat(), null);
        List<Outbound> out = new ArrayList<>();
        switch (m.kind()) {
            case TEXT, EDITED -> out.add(Outbound.send(topic, labelled(label,
                    desk.ownerSaid(takeover, owner, m.text() == null ? "" : m.text(), m.id()))));
            // the topic is read by the whole unit: a shared number stays behind the card's "show contact"
            case CONTACT -> out.add(Outbound.send(topic, labelled(label,
                    desk.ownerSaid(takeover, owner, texts.plain("access.relay.contact", staffLanguage), m.id()))));
            case ATTACHMENT -> {
                // kept as "[photo] caption"; the files themselves go to the topic
                String kind = m.attachments().isEmpty() ? "file" : m.attachments().get(0).kind();
                String prefix = "[" + kind + "] ";
                String kept = desk.ownerSaid(takeover, owner, prefix + (m.text() == null ? "" : m.text()), m.id());
                String caption = kept.startsWith(prefix) ? kept.substring(prefix.length()) : kept;
                m.attachments().forEach(a -> out.add(Outbound.file(topic, a, labelled(label, caption))));
            }
            case UNSUPPORTED -> out.add(Outbound.send(topic, labelled(label,
                    desk.ownerSaid(takeover, owner, "[" + m.text() + "]", m.id()))));
            case BUTTON -> {
                // a press on an old bot message means nothing to staff; the path acknowledges it
            }
        }
        return out;
    }

    private static RichText labelled(String label, String text) {
        return RichText.builder().bold(label).text(text == null ? "" : text).build();
    }
}
