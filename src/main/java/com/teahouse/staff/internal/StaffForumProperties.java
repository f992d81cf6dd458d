package com.teahouse.staff.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff forum's settings, which live with the Telegram channel's ({@code teahouse.telegram.*}). Bound here
 * again, only the two this module needs, because the channel's own properties record is internal to the channel
 * module.
 *
 * @param staffChatId  the staff forum supergroup; absent: no staff forum
 * @param staffUserIds comma list of Telegram user ids, a bootstrap list for before staff accounts exist: each id
 *                     that is not linked to an account acts as a SUPERVISOR of every unit in the staff forum
 */
@ConfigurationProperties("teahouse.telegram")
record StaffForumProperties(String staffChatId, String staffUserIds) {

    StaffForumProperties {
        staffChatId = staffChatId == null ? "" : staffChatId.strip();
        staffUserIds = staffUserIds == null ? "" : staffUserIds;
    }

    Set<String> staffUsers() {
        return Arrays.stream(staffUserIds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
