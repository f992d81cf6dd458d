package com.teahouse.staff.internal;

import com.teahouse.cases.Actor;
import com.teahouse.channel.OfficeChats;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Person;
import com.teahouse.cases.CaseCaller;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who is staff on Telegram: users linked to a staff account (who then act under the account's name, roles and
 * unit), and the bootstrap list {@code teahouse.telegram.staff-user-ids}, whose ids act as supervisors of every
 * unit until they are linked to accounts. Both come from {@link OfficeChats}, the channel module's public view of
 * its settings.
 */
@Component
class TelegramStaff {

    static final String CHANNEL = "telegram";

    private final String staffChat;
    private final Set<String> listed;
    private final AccountStore accounts;
    private final HolderIds ids;

    TelegramStaff(ObjectProvider<OfficeChats> chats, AccountStore accounts, HolderIds ids) {
        OfficeChats office = chats.getIfAvailable(() -> OfficeChats.NONE);
        this.ids = ids;
        this.staffChat = office.staffForum().orElse("");
        this.listed = office.bootstrapStaff();
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

    /**
     * Who this Telegram user is for {@link com.teahouse.cases.CasePolicy}: a linked account acts with that
     * account's roles and unit; an id of the bootstrap list ({@code teahouse.telegram.staff-user-ids}) that is not
     * linked acts as a supervisor of every unit; anyone else has no case rights.
     */
    CaseCaller caller(Person p) {
        if (p == null || p.id() == null) {
            return CaseCaller.NOBODY;
        }
        Optional<Account> linked = accounts.byTelegram(p.id());
        if (linked.isPresent()) {
            return linked.get().caller();
        }
        return listed.contains(p.id()) ? CaseCaller.staff(new Actor(ids.bootstrap(p.id()), p.name()), true, false,
                null) : CaseCaller.NOBODY;
    }
}
