package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.FlowSpec;
import com.teahouse.messaging.CommandMenu;
import com.teahouse.texts.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The slash commands: each flow file may name the command that starts it; /cancel belongs to the engine. Also
 * the command list channels advertise (Telegram's menu), described by the flows' texts.
 */
final class DialogCommands implements CommandMenu {

    /** The order people should see them in; commands of new flows follow. */
    private static final List<String> ORDER = List.of("start", "ask", "complain", "status", "human", "cancel",
            "language", "help");
    static final String CANCEL = "cancel";

    private final Map<String, FlowSpec> byCommand = new LinkedHashMap<>();
    private final Texts texts;

    DialogCommands(DialogFiles files, Texts texts) {
        this.texts = texts;
        files.flows().values().stream().filter(f -> f.command() != null).forEach(f -> byCommand.put(f.command(), f));
    }

    /** Runs "/name[@bot] [argument]" typed by the user. */
    void run(Turn t, FlowRunner runner) {
        String text = t.message.text().strip();
        int space = text.indexOf(' ');
        String name = (space < 0 ? text.substring(1) : text.substring(1, space)).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        t.argument = space < 0 ? null : text.substring(space + 1).strip();
        if (name.equals(CANCEL)) {
            runner.cancel(t);
            return;
        }
        FlowSpec flow = byCommand.get(name);
        if (flow == null) {
            t.say("unexpected.unknown_command");
            runner.prompt(t);
            return;
        }
        runner.start(t, flow.id(), true);
    }

    @Override
    public List<String> languages() {
        return texts.languages();
    }

    @Override
    public List<Command> commands(String language) {
        List<String> names = new ArrayList<>(byCommand.keySet());
        names.add(CANCEL);
        names.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return names.stream().map(n -> new Command(n, texts.plain(n.equals(CANCEL) ? "command.cancel"
                : byCommand.get(n).describe(), language))).toList();
    }

    private static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }
}
