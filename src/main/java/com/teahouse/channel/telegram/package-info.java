/**
 * The Telegram channel: long polling through telegrambots, translating updates to the neutral model and
 * replies back to Bot API calls. Starts only when {@code teahouse.telegram.token} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telegram channel")
package com.teahouse.channel.telegram;
