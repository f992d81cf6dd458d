package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.Button;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * Neutral buttons to Telegram keyboards. A "share contact" button needs a reply keyboard (inline buttons cannot
 * ask for the phone number); everything else is an inline keyboard whose data comes back as a callback.
 */
final class Keyboards {

    private Keyboards() {
    }

    static ReplyKeyboard of(List<List<Button>> rows) {
        boolean asksContact = rows.stream().flatMap(List::stream).anyMatch(b -> b.kind() == Button.Kind.SHARE_CONTACT);
        if (asksContact) {
            List<KeyboardRow> keyboard = rows.stream().map(row -> new KeyboardRow(row.stream()
                    .map(b -> KeyboardButton.builder().text(b.label())
                            .requestContact(b.kind() == Button.Kind.SHARE_CONTACT).build())
                    .toList())).toList();
            return ReplyKeyboardMarkup.builder().keyboard(keyboard).oneTimeKeyboard(true).resizeKeyboard(true).build();
        }
        InlineKeyboardMarkup inline = inline(rows);
        return inline != null ? inline : null;
    }

    static InlineKeyboardMarkup inline(List<List<Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        return InlineKeyboardMarkup.builder().keyboard(rows.stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .filter(b -> b.kind() == Button.Kind.ACTION)
                        .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build())
                        .toList()))
                .filter(r -> !r.isEmpty())
                .toList()).build();
    }

    static ReplyKeyboardRemove remove() {
        return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
    }
}
