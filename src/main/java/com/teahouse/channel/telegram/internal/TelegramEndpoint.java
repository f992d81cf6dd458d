package com.teahouse.channel.telegram.internal;

import java.net.URI;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Turns the configured API URL into the library's {@link TelegramUrl} (scheme, host, port). */
final class TelegramEndpoint {

    private TelegramEndpoint() {
    }

    static TelegramUrl of(String apiUrl) {
        URI uri = URI.create(apiUrl.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("teahouse.telegram.api-url must be an absolute URL, e.g. https://api.telegram.org");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return TelegramUrl.builder().schema(uri.getScheme()).host(uri.getHost()).port(port).testServer(false).build();
    }
}
