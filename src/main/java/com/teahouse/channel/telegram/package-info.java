/**
 * The Telegram channel: receives updates by long polling through telegrambots or, when
 * {@code teahouse.telegram.webhook.url} is set, at {@code POST /telegram/webhook} (secret checked, stored durably
 * before 200); translates them to the neutral model and replies back to Bot API calls, within Telegram's send
 * limits counted in Redis for all instances together. Starts only when {@code teahouse.telegram.token} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telegram channel",
        allowedDependencies = {"channel", "limits", "messaging", "store"})
package com.teahouse.channel.telegram;
