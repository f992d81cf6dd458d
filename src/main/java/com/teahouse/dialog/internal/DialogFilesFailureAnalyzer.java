package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.DialogFilesBroken;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken dialog file stops start-up with the list of problems (file:line: what), not a stack trace. */
public class DialogFilesFailureAnalyzer extends AbstractFailureAnalyzer<DialogFilesBroken> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DialogFilesBroken cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the files listed above (java -jar teahouse.jar dialogs check lists them without starting).",
                null);
    }
}
