package com.teahouse.channel.telegram.internal;

import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.Contact;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Inbound.Kind;
import com.teahouse.messaging.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Telegram's Update to the neutral {@link Inbound}. Anything we do not model becomes {@link Kind#UNSUPPORTED}. */
final class UpdateTranslator {

    private UpdateTranslator() {
    }

    static Optional<Inbound> translate(Update update) {
        return translated(update).map(m -> inGroup(update) ? m.inGroup() : m);
    }

    /** Anything but a private chat (group, supergroup, channel): the dialog decides what that means. */
    private static boolean inGroup(Update update) {
        var chat = update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                ? update.getCallbackQuery().getMessage().getChat()
                : update.hasEditedMessage() ? update.getEditedMessage().getChat()
                : update.hasMessage() ? update.getMessage().getChat() : null;
        return chat != null && chat.getType() != null && !"private".equals(chat.getType());
    }

    private static Optional<Inbound> translated(Update update) {
        String id = "tg:" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            var message = query.getMessage();
            if (message == null) {
                return Optional.empty();
            }
            Address from = address(message.getChatId(), threadOf(message));
            return Optional.of(new Inbound(id, from, person(query.getFrom()), Kind.BUTTON, null, query.getData(),
                    String.valueOf(message.getMessageId()), query.getId(), null, List.of(), Instant.now()));
        }
        if (update.hasEditedMessage()) {
            Message m = update.getEditedMessage();
            return Optional.of(new Inbound(id, address(m.getChatId(), thread(m)), person(m.getFrom()), Kind.EDITED,
                    m.getText(), null, String.valueOf(m.getMessageId()), null, null, List.of(), at(m)));
        }
        if (update.hasMessage()) {
            return Optional.of(message(id, update.getMessage()));
        }
        return Optional.empty();
    }

    private static Inbound message(String id, Message m) {
        Address from = address(m.getChatId(), thread(m));
        Person sender = person(m.getFrom());
        String ref = String.valueOf(m.getMessageId());
        if (m.hasContact()) {
            var c = m.getContact();
            var contact = new Contact(c.getPhoneNumber(), c.getFirstName(), c.getUserId() == null ? null
                    : String.valueOf(c.getUserId()));
            return new Inbound(id, from, sender, Kind.CONTACT, null, null, ref, null, contact, List.of(), at(m));
        }
        List<Attachment> files = attachments(m);
        if (!files.isEmpty()) {
            return new Inbound(id, from, sender, Kind.ATTACHMENT, m.getCaption(), null, ref, null, null, files, at(m));
        }
        if (m.hasText()) {
            return new Inbound(id, from, sender, Kind.TEXT, m.getText(), null, ref, null, null, List.of(), at(m));
        }
        String what = m.hasSticker() ? "sticker" : m.hasVoice() ? "voice" : m.hasLocation() ? "location" : "other";
        return new Inbound(id, from, sender, Kind.UNSUPPORTED, what, null, ref, null, null, List.of(), at(m));
    }

    private static List<Attachment> attachments(Message m) {
        List<Attachment> files = new ArrayList<>();
        if (m.hasPhoto()) {
            var largest = m.getPhoto().get(m.getPhoto().size() - 1);
            files.add(new Attachment("photo", largest.getFileId(), null, "image/jpeg",
                    largest.getFileSize() == null ? null : largest.getFileSize().longValue()));
        }
        if (m.hasDocument()) {
            var d = m.getDocument();
            files.add(new Attachment("document", d.getFileId(), d.getFileName(), d.getMimeType(), d.getFileSize()));
        }
        if (m.hasVideo()) {
            var v = m.getVideo();
            files.add(new Attachment("video", v.getFileId(), v.getFileName(), v.getMimeType(), v.getFileSize()));
        }
        return files;
    }

    private static String thread(Message m) {
        return Boolean.TRUE.equals(m.getIsTopicMessage()) && m.getMessageThreadId() != null
                ? String.valueOf(m.getMessageThreadId()) : null;
    }

    private static String threadOf(org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage m) {
        return m instanceof Message message ? thread(message) : null;
    }

    private static Address address(Long chatId, String thread) {
        return new Address(TelegramChannel.NAME, String.valueOf(chatId), thread);
    }

    private static Person person(User user) {
        if (user == null) {
            return new Person(null, null, null);
        }
        String name = user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
        return new Person(String.valueOf(user.getId()), name, user.getLanguageCode());
    }

    private static Instant at(Message m) {
        return m.getDate() == null ? Instant.now() : Instant.ofEpochSecond(m.getDate());
    }
}
