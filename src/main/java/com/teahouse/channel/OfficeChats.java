package com.teahouse.channel;

import com.teahouse.messaging.Address;
import java.util.Optional;

/**
 * Where the hotline posts to the office itself (the weekly bulletin), for modules that must not read a channel's
 * properties. Telegram provides it: {@code teahouse.telegram.supervisor-chat-id} when set, else the General
 * topic of the staff forum ({@code teahouse.telegram.staff-chat-id}).
 */
public interface OfficeChats {

    /** Empty when no channel has an office chat configured. */
    Optional<Address> bulletin();
}
