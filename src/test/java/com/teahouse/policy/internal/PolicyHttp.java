package com.teahouse.policy.internal;

import com.teahouse.testsupport.ConsoleHttp;

/** A console user of the policy office's pages and API: logs in or fails the test. */
final class PolicyHttp extends ConsoleHttp {

    PolicyHttp(int port) {
        super(port);
    }

    PolicyHttp login(String username, String password) {
        mustLogIn(username, password);
        return this;
    }
}
