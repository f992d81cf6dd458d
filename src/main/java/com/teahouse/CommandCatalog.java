package com.teahouse;

/** Where each module's offline command is hooked into the jar's command line. */
final class CommandCatalog {

    private static boolean registered;

    private CommandCatalog() {
    }

    static synchronized void registerAll() {
        if (registered) {
            return;
        }
        registered = true;
        Commands.register("dialogs", "check", com.teahouse.dialog.DialogsCheck::run);
    }
}
