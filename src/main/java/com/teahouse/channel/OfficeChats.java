package com.teahouse.channel;

import com.teahouse.messaging.Address;
import java.util.Optional;
import java.util.Set;

/**
 * Where the hotline posts to the office itself (the weekly bulletin), for modules that must not read a channel's
 * properties. Telegram provides it: {@code teahouse.telegram.supervisor-chat-id} when set, else the General
 * topic of the staff forum ({@code teahouse.telegram.staff-chat-id}); and the staff forum itself, which the
 * conversation leaves to the staff module.
 */
public interface OfficeChats {

    /** Empty when no channel has an office chat configured. */
    Optional<Address> bulletin();

    /** The staff forum's chat id, where each case has its topic; empty when none is configured. */
    Optional<String> staffForum();

    /**
     * Telegram user ids listed as staff before accounts exist (a bootstrap): each acts in the staff forum as a
     * supervisor of every unit until it is linked to an account.
     */
    Set<String> bootstrapStaff();

    /** No channel configured: no office chat, no staff forum. */
    OfficeChats NONE = new OfficeChats() {
        @Override
        public Optional<Address> bulletin() {
            return Optional.empty();
        }

        @Override
        public Optional<String> staffForum() {
            return Optional.empty();
        }

        @Override
        public Set<String> bootstrapStaff() {
            return Set.of();
        }
    };
}
