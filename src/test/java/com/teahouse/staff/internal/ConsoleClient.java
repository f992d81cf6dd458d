package com.teahouse.staff.internal;

import com.teahouse.testsupport.ConsoleHttp;

/** A console user whose login may be refused (the login and throttle tests look at that). */
final class ConsoleClient extends ConsoleHttp {

    ConsoleClient(int port) {
        super(port);
    }

    @Override
    public ConsoleClient openLogin() {
        super.openLogin();
        return this;
    }

    boolean login(String username, String password) {
        return openLogin().submitLogin(username, password);
    }
}
