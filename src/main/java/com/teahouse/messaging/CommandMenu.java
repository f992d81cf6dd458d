package com.teahouse.messaging;

import java.util.List;

/** The commands a channel may advertise (Telegram's menu), in each language the conversation offers. */
public interface CommandMenu {

    record Command(String name, String description) {
    }

    List<String> languages();

    List<Command> commands(String language);
}
