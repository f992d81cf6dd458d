package com.teahouse.channel.telegram;

import com.teahouse.channel.telegram.internal.TelegramProperties;
import com.teahouse.messaging.Address;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where the hotline posts to the office itself on Telegram, for modules that must not read the channel's
 * properties: {@code teahouse.telegram.supervisor-chat-id} when set, else the General topic of the staff forum
 * ({@code teahouse.telegram.staff-chat-id}, no thread).
 */
@Component
public class OfficeChats {

    private final TelegramProperties props;

    OfficeChats(TelegramProperties props) {
        this.props = props;
    }

    /** Empty when the channel is off or neither chat is configured. */
    public Optional<Address> bulletin() {
        if (!props.enabled()) {
            return Optional.empty();
        }
        String chat = blank(props.supervisorChatId()) ? props.staffChatId() : props.supervisorChatId();
        return blank(chat) ? Optional.empty() : Optional.of(Address.of(TelegramChannel.NAME, chat.strip()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
