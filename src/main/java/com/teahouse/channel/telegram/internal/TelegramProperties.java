package com.teahouse.channel.telegram.internal;

import com.teahouse.limits.LimitsProperties.Rate;
import java.time.Duration;
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
 * @param webhook      webhook mode instead of long polling, when its URL is set
 * @param sendLimits   Telegram's limits on what the bot sends, counted in Redis for all instances together
 */
@ConfigurationProperties("teahouse.telegram")
public record TelegramProperties(String token, String apiUrl, String staffChatId, String staffUserIds,
        Integer pollTimeoutSeconds, String supervisorChatId, Webhook webhook, SendLimits sendLimits) {

    public TelegramProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : pollTimeoutSeconds;
        webhook = webhook == null ? new Webhook(null, null, null) : webhook;
        sendLimits = sendLimits == null ? new SendLimits(null, null, null) : sendLimits;
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

    /**
     * @param url          the public HTTPS URL Telegram posts updates to ({@code …/telegram/webhook}); absent: long
     *                     polling
     * @param secret       sent back by Telegram in {@code X-Telegram-Bot-Api-Secret-Token}; 1–256 characters of
     *                     {@code A-Za-z0-9_-}; a secret, from the environment only. Checked by {@link WebhookSecret}
     *                     at start-up, never in this record, so that no bind error can print it.
     * @param maxBodyBytes the largest update body accepted; an update with a long message and the long message it
     *                     replies to is well under the default
     */
    public record Webhook(String url, String secret, Integer maxBodyBytes) {

        public Webhook {
            maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        }

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Token buckets shared in Redis by every instance. Telegram's published limits are the defaults; tests set
     * smaller or faster ones so they need not wait.
     *
     * @param overall  every message of the bot (30 a second)
     * @param perGroup one group chat, e.g. the staff forum (20 a minute, a burst of 5)
     * @param perChat  one private chat (about one a second, a burst of 3)
     */
    public record SendLimits(Rate overall, Rate perGroup, Rate perChat) {

        public SendLimits {
            overall = overall == null ? new Rate(30, 30, Duration.ofSeconds(1)) : overall;
            perGroup = perGroup == null ? new Rate(5, 20, Duration.ofMinutes(1)) : perGroup;
            perChat = perChat == null ? new Rate(3, 1, Duration.ofSeconds(1)) : perChat;
        }
    }
}
