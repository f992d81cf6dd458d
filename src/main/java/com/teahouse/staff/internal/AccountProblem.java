package com.teahouse.staff.internal;

import org.springframework.http.HttpStatus;

/** A refused account request: its HTTP status and the text key (dialogs/texts/accounts.yaml) that says why. */
class AccountProblem extends RuntimeException {

    private final HttpStatus status;
    private final String key;

    AccountProblem(HttpStatus status, String key) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }
}
