package com.teahouse.dialog.internal;

import com.teahouse.cases.ConversationLine;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One message being handled: the conversation it changes, and what we will say back. Everything said in one
 * step goes out as one chat message (paragraphs joined), because Telegram allows about one message per second
 * per chat; buttons are those of the last prompt, after any an action added (related entries).
 */
final class Turn {

    final Inbound message;
    final Conversation conversation;
    final Instant now;
    final Texts texts;
    /** The command's argument (/status QY-…), if any. */
    String argument;
    /** Values for the next prompt that are not answers (when a draft was saved). */
    final Map<String, Object> extra = new java.util.HashMap<>();
    private final List<RichText> paragraphs = new ArrayList<>();
    private final List<List<Button>> actionRows = new ArrayList<>();
    private List<List<Button>> promptRows = List.of();
    private final List<Outbound> elsewhere = new ArrayList<>();

    Turn(Inbound message, Conversation conversation, Instant now, Texts texts) {
        this.message = message;
        this.conversation = conversation;
        this.now = now;
        this.texts = texts;
    }

    String language() {
        return conversation.language;
    }

    Address owner() {
        return new Address(message.from().channel(), message.from().chat(), null);
    }

    void say(String key) {
        say(key, Map.of());
    }

    void say(String key, Map<String, ?> params) {
        say(texts.render(key, language(), params));
    }

    void say(RichText text) {
        if (text != null && !text.spans().isEmpty()) {
            paragraphs.add(text);
        }
    }

    /** What a prompt may show: the answers so far and this step's extra values. */
    Map<String, Object> params() {
        Map<String, Object> all = new java.util.HashMap<>(conversation.fields);
        all.putAll(extra);
        return all;
    }

    String label(String key) {
        return texts.plain(key, language());
    }

    void actionButtons(List<Button> row) {
        actionRows.add(row);
    }

    void promptButtons(List<List<Button>> rows) {
        promptRows = rows;
    }

    void sendElsewhere(Outbound outbound) {
        elsewhere.add(outbound);
    }

    boolean saidAnything() {
        return !paragraphs.isEmpty();
    }

    /** The replies of this step: the chat message (if anything was said) and messages to other chats. */
    List<Outbound> replies() {
        List<Outbound> out = new ArrayList<>();
        if (!paragraphs.isEmpty()) {
            RichText.Builder text = RichText.builder();
            for (int i = 0; i < paragraphs.size(); i++) {
                if (i > 0) {
                    text.text("\n\n");
                }
                text.append(paragraphs.get(i));
            }
            List<List<Button>> rows = new ArrayList<>(actionRows);
            rows.addAll(promptRows);
            RichText said = text.build();
            out.add(Outbound.send(message.from(), said, rows));
            conversation.remember(ConversationLine.From.BOT, said.plainText(), now);
        }
        out.addAll(elsewhere);
        return out;
    }
}
