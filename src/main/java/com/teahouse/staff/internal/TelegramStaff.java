package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Person;
import com.teahouse.staff.StaffRole;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is staff on Telegram: users listed in {@code teahouse.telegram.staff-user-ids}, or linked to a staff
 * account (who then act under the account's name and roles). Read here rather than from the channel's own
 * properties, which are internal to the channel module.
 */
@Component
class TelegramStaff {

    static final String CHANNEL = "telegram";

    private final String staffChat;
    private final Set<String> listed;
    private final AccountStore accounts;

    TelegramStaff(@Value("${teahouse.telegram.staff-chat-id:}") String staffChat,
            @Value("${teahouse.telegram.staff-user-ids:}") String staffUserIds, AccountStore accounts) {
        this.staffChat = staffChat == null ? "" : staffChat.strip();
        this.listed = Arrays.stream(staffUserIds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.accounts = accounts;
    }

    boolean configured() {
        return !staffChat.isEmpty();
    }

    Address chat() {
        return Address.of(CHANNEL, staffChat);
    }

    boolean isStaffChat(Address a) {
        return configured() && CHANNEL.equals(a.channel()) && staffChat.equals(a.chat());
    }

    Optional<Actor> actor(Person p) {
        if (p == null || p.id() == null) {
            return Optional.empty();
        }
        Optional<Account> linked = accounts.byTelegram(p.id());
        if (linked.isPresent()) {
            return Optional.of(linked.get().actor());
        }
        return listed.contains(p.id()) ? Optional.of(new Actor("tg:" + p.id(), p.name())) : Optional.empty();
    }

    boolean supervisor(Person p) {
        return p != null && accounts.byTelegram(p.id())
                .map(a -> a.has(StaffRole.SUPERVISOR) || a.has(StaffRole.ADMIN)).orElse(false);
    }
}
