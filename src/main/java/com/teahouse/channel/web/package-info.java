/**
 * The web chat at {@code /}: a page anyone can use without Telegram. Messages go through the same inbox and
 * outbox as Telegram; the chat's transcript lives in Redis and reaches the page live over server-sent events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web chat channel",
        allowedDependencies = {"cases", "limits", "messaging", "store", "texts"})
package com.teahouse.channel.web;
