package com.teahouse.channel.telegram.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token        the bot token from BotFather; a secret, from the environment only
 * @param apiUrl       Bot API base URL
 * @param staffChatId  the staff forum supergroup
 * @param staffUserIds comma list of Telegram user ids, a bootstrap list for before staff accounts exist: each id
 *                     that is not linked to an account acts as a SUPERVISOR of every unit in the staff forum
 *                     (claim, transfer, extend, decline, see a confidential contact). Link the person to an
 *                     account in the console, or remove the id, to give narrower rights.
 * @param supervisorChatId where office-wide posts (the weekly bulletin) go instead of the staff group's General
 *                     topic, when set: a supervisors' group or a private chat
 */
@ConfigurationProperties("teahouse.telegram")
public record TelegramProperties(String token, String apiUrl, String staffChatId, String staffUserIds,
        Integer pollTimeoutSeconds, String supervisorChatId) {

    public TelegramProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : pollTimeoutSeconds;
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    public Set<String> staffUsers() {
        if (staffUserIds == null || staffUserIds.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(staffUserIds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
