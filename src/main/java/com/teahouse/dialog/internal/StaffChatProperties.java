package com.teahouse.dialog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff forum's chat ({@code teahouse.telegram.staff-chat-id}), which the conversation leaves to the staff
 * module. Bound here because the Telegram channel's properties record is internal to the channel module.
 *
 * @param staffChatId the staff forum supergroup; absent: no chat is left out
 */
@ConfigurationProperties("teahouse.telegram")
record StaffChatProperties(String staffChatId) {

    StaffChatProperties {
        staffChatId = staffChatId == null || staffChatId.isBlank() ? null : staffChatId.strip();
    }
}
