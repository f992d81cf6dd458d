package com.teahouse.dialog;

import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.Problems;
import java.nio.file.Path;

/**
 * {@code java -jar teahouse.jar dialogs check [dir]}: checks the dialog files without starting the app, so an
 * editor can try a change before deploying it. Exit code 0 when fine, 1 with one line per problem otherwise.
 */
public final class DialogsCheck {

    private DialogsCheck() {
    }

    public static int run(String[] args) {
        String dir = args.length > 2 ? args[2]
                : System.getProperty("teahouse.dialogs.dir", envOr("TEAHOUSE_DIALOGS_DIR", "./dialogs"));
        Problems problems = new Problems();
        DialogFiles files = DialogFiles.read(Path.of(dir), problems);
        if (!problems.isEmpty()) {
            System.err.println("dialogs check: " + problems.all().size() + " problem(s) in " + dir);
            System.err.println(problems.report());
            return 1;
        }
        int states = files.flows().values().stream().mapToInt(f -> f.states().size()).sum();
        System.out.println("dialogs check: " + dir + " is fine (" + files.flows().size() + " flows, " + states
                + " states)");
        return 0;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
