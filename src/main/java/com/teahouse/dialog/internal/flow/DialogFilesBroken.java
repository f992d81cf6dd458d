package com.teahouse.dialog.internal.flow;

/** The dialog files cannot be used; the message is the whole report, one problem per line, meant for people. */
public final class DialogFilesBroken extends RuntimeException {

    private final transient Problems problems;

    public DialogFilesBroken(Problems problems) {
        super("The dialog files have problems:\n" + problems.report());
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }
}
