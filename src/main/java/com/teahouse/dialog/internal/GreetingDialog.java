package com.teahouse.dialog.internal;

import com.teahouse.texts.Texts;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.CommandMenu;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.MessageHandler;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.Step;
import java.util.List;
import org.springframework.stereotype.Component;

/** The greeting and main menu: the smallest conversation, until the flow engine replaces it. */
@Component
class GreetingDialog implements MessageHandler, CommandMenu {

    private final Texts texts;

    GreetingDialog(Texts texts) {
        this.texts = texts;
    }

    @Override
    public boolean accepts(Address from) {
        return true;
    }

    @Override
    public Step handle(Inbound message, String state) {
        String lang = texts.languageFor(message.sender() == null ? null : message.sender().languageCode());
        return Step.of("{\"lang\":\"" + lang + "\"}", List.of(Outbound.send(message.from(),
                texts.render("greeting", lang),
                List.of(List.of(Button.action(texts.plain("menu.ask", lang), "ask"),
                        Button.action(texts.plain("menu.complain", lang), "complain"))))));
    }

    @Override
    public Step failed(Inbound message, String state, RuntimeException error) {
        String lang = texts.languageFor(message.sender() == null ? null : message.sender().languageCode());
        return Step.reply(List.of(Outbound.send(message.from(), texts.render("error", lang))));
    }

    @Override
    public List<String> languages() {
        return texts.languages();
    }

    @Override
    public List<Command> commands(String language) {
        return List.of(new Command("start", texts.plain("command.start", language)));
    }
}
