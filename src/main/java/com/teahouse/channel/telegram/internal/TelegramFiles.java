package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.ChannelFiles;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@link ChannelFiles} for Telegram: getFile, then the download through the bot's own client. The file URL
 * contains the token, so it never leaves this class. A file Telegram says is larger than allowed is refused
 * before it is downloaded.
 */
final class TelegramFiles implements ChannelFiles {

    private final TelegramClient client;

    TelegramFiles(TelegramClient client) {
        this.client = client;
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
            return ChannelFiles.capped(client.downloadFileAsStream(file), maxBytes);
        } catch (TelegramApiException e) {
            throw new IOException("Telegram file not available: " + e.getClass().getSimpleName(), e);
        }
    }
}
