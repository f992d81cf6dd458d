package com.teahouse.channel.telegram.internal;

import com.teahouse.channel.OfficeChats;
import com.teahouse.channel.telegram.TelegramChannel;
import com.teahouse.messaging.Address;
import java.util.Optional;
import java.util.Set;
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

    @Override
    public Optional<String> staffForum() {
        return blank(props.staffChatId()) ? Optional.empty() : Optional.of(props.staffChatId().strip());
    }

    @Override
    public Set<String> bootstrapStaff() {
        return props.staffUsers();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
