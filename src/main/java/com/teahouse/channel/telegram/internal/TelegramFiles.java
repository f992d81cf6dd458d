package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.ChannelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@link ChannelFiles} for Telegram: getFile, then the download from the configured Bot API server's file
 * endpoint (telegrambots' own download always goes to api.telegram.org). The file URL contains the token, so it
 * never leaves this class and is never logged. A file Telegram says is larger than allowed is refused before it
 * is downloaded.
 */
final class TelegramFiles implements ChannelFiles {

    private final TelegramClient client;
    private final String fileBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TelegramFiles(TelegramClient client, String apiUrl, String token) {
        this.client = client;
        this.fileBase = apiUrl.replaceAll("/+$", "") + "/file/bot" + token + "/";
    }

    @Override
    public boolean serves(String channel) {
        return "telegram".equals(channel);
    }

    @Override
    public byte[] fetch(String fileId, long maxBytes) throws IOException {
        try {
            File file = client.execute(GetFile.builder().fileId(fileId).build());
            if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
                throw new TooLarge();
            }
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(fileBase + file.getFilePath()))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IOException("Telegram file download answered " + r.statusCode());
            }
            return ChannelFiles.capped(r.body(), maxBytes);
        } catch (TelegramApiException e) {
            throw new IOException("Telegram file not available: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
