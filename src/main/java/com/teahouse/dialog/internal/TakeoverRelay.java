package com.teahouse.dialog.internal;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * While staff have taken a chat over, the bot stays quiet and passes on what the entrepreneur sends to the
 * case's staff topic, labelled so staff see who is speaking. Staff read the hotline's first language.
 */
final class TakeoverRelay {

    private final Texts texts;

    TakeoverRelay(Texts texts) {
        this.texts = texts;
    }

    List<Outbound> relay(Inbound m, Address topic) {
        String staffLanguage = texts.languages().get(0);
        String label = texts.plain("relay.label", staffLanguage);
        List<Outbound> out = new ArrayList<>();
        switch (m.kind()) {
            case TEXT, EDITED -> out.add(Outbound.send(topic, labelled(label, m.text())));
            // the topic is read by the whole unit: a shared number stays behind the card's "show contact"
            case CONTACT -> out.add(Outbound.send(topic, labelled(label, texts.plain("access.relay.contact",
                    staffLanguage))));
            case ATTACHMENT -> m.attachments().forEach(a -> out.add(Outbound.file(topic, a, labelled(label,
                    m.text() == null ? "" : m.text()))));
            case UNSUPPORTED -> out.add(Outbound.send(topic, labelled(label, "[" + m.text() + "]")));
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
