package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.CommandMenu;
import com.teahouse.messaging.Inbox;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The channel exists only when a token is configured. */
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
    ChannelOutlet telegramOutlet(TelegramClient client) {
        return new TelegramOutlet(client);
    }

    @Bean
    com.teahouse.messaging.ChannelFiles telegramFiles(TelegramClient client, TelegramProperties props) {
        return new TelegramFiles(client, props.apiUrl(), props.token());
    }

    @Bean
    TelegramBot telegramBot(TelegramProperties props, TelegramClient client, Inbox inbox, CommandMenu menu,
            com.teahouse.limits.InboundGate gate) {
        return new TelegramBot(props, client, inbox, menu, gate);
    }
}
