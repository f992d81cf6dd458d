package com.teahouse.policy;

import com.teahouse.testsupport.ConsoleHttp;

/** A console user of the policy API: logs in or fails the test. */
final class PolicyClient extends ConsoleHttp {

    PolicyClient(int port) {
        super(port);
    }

    PolicyClient login(String username, String password) {
        mustLogIn(username, password);
        return this;
    }
}
