package com.teahouse.channel.telegram.internal;

import com.teahouse.channel.telegram.internal.TelegramProperties.SendLimits;
import com.teahouse.limits.SharedRates;
import com.teahouse.limits.SharedRates.Limit;
import com.teahouse.messaging.Address;
import java.time.Duration;
import java.util.List;

/**
 * Telegram's published limits on what a bot sends: about one message a second per chat with small bursts, twenty
 * a minute per group, thirty a second overall. They bind the bot, not one instance, so the buckets live in Redis
 * ({@link SharedRates}) and every instance draws from them. Asking takes a token from the chat's bucket and the
 * overall one, or from neither, and says how long to wait.
 */
final class TelegramRateLimits {

    private final SharedRates rates;
    private final SendLimits limits;

    TelegramRateLimits(SharedRates rates, SendLimits limits) {
        this.rates = rates;
        this.limits = limits;
    }

    Duration acquire(Address to) {
        boolean group = to.chat().startsWith("-");
        Limit chat = new Limit("telegram:chat:" + to.chat(), group ? limits.perGroup() : limits.perChat());
        return rates.tryTake(List.of(chat, new Limit("telegram:all", limits.overall())));
    }
}
