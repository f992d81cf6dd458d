package com.teahouse.reports;

import com.teahouse.testsupport.ConsoleHttp;

/** A console user of the reports API, whose answers are files as often as JSON: logs in or fails the test. */
final class ReportClient extends ConsoleHttp {

    ReportClient(int port) {
        super(port);
    }

    ReportClient login(String username, String password) {
        mustLogIn(username, password);
        return this;
    }

    /** Reports answer XLSX, HTML or JSON: ask for any. */
    @Override
    public Answer get(String path) {
        return download(path);
    }

    Answer post(String path, Object body, boolean csrf) {
        return write("POST", path, body, csrf);
    }
}
