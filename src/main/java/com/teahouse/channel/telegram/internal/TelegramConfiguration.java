package com.teahouse.channel.telegram.internal;

import com.teahouse.limits.InboundGate;
import com.teahouse.limits.SharedRates;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.CommandMenu;
import com.teahouse.messaging.Inbox;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The channel exists only when a token is configured; webhook mode only when its URL is configured too. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${teahouse.telegram.token:}'.isBlank()")
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramProperties props) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .build();
        return new OkHttpTelegramClient(http, props.token(), TelegramEndpoint.of(props.apiUrl()));
    }

    @Bean
    ChannelOutlet telegramOutlet(TelegramClient client, SharedRates rates, TelegramProperties props,
            com.teahouse.store.RedisStore redis) {
        return new TelegramOutlet(client, new TelegramRateLimits(rates, props.sendLimits()),
                new TopicOpenings(client, redis));
    }

    @Bean
    com.teahouse.messaging.ChannelFiles telegramFiles(TelegramClient client, TelegramProperties props) {
        return new TelegramFiles(client, props.apiUrl(), props.token());
    }

    @Bean
    TelegramBot telegramBot(TelegramProperties props, TelegramClient client, Inbox inbox, CommandMenu menu,
            InboundGate gate, ObjectProvider<WebhookSecret> webhookSecret) {
        WebhookSecret secret = webhookSecret.getIfAvailable();
        WebhookRegistration webhook = secret == null ? null
                : new WebhookRegistration(client, props.webhook().url(), secret);
        return new TelegramBot(props, client, inbox, menu, gate, webhook);
    }

    /** Checked before anything starts: a bad secret or URL stops start-up with what is wrong. */
    @Bean
    @ConditionalOnExpression("!'${teahouse.telegram.webhook.url:}'.isBlank()")
    WebhookSecret webhookSecret(TelegramProperties props) {
        WebhookRegistration.checked(props.webhook().url());
        return WebhookSecret.of(props.webhook().secret());
    }
}
