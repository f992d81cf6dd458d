package com.teahouse.channel.telegram.internal;

import com.teahouse.channel.OfficeChats;
import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.messaging.Address;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link OfficeChats} from the Telegram properties; the General topic is the forum without a thread. */
@Component
class TelegramOfficeChats implements OfficeChats {

    private final TelegramProperties props;

    TelegramOfficeChats(TelegramProperties props) {
        this.props = props;
    }

    @Override
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
