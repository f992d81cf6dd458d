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
        Commands.register("kb", "check", args -> com.teahouse.knowledge.KbCheckCommand.run(
                java.util.Arrays.copyOfRange(args, 2, args.length), System.out));
        Commands.register("reports", "rebuild", args -> com.teahouse.reports.RebuildCommand.run(
                extra -> new org.springframework.boot.builder.SpringApplicationBuilder(App.class)
                        .web(org.springframework.boot.WebApplicationType.NONE).run(extra), args, System.out));
        Commands.register("kb", "export", args -> com.teahouse.knowledge.KbExportCommand.run(
                java.util.Arrays.copyOfRange(args, 2, args.length), System.out, System.getenv()));
    }
}
