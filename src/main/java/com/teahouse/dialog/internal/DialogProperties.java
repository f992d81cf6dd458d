package com.teahouse.dialog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The conversation's settings ({@code teahouse.dialogs.*}). Where the files live ({@code teahouse.dialogs.dir}) is
 * read through {@link com.teahouse.texts.DialogsDir}, the one record of that setting.
 *
 * @param machinePerStep restore a state machine on every step (the design), or remember its answers
 * @param followUpTurns  how many later questions are read in the context of the last answered entry
 *                       (「那个体户呢？」); 0 turns follow-ups off
 */
@ConfigurationProperties("teahouse.dialogs")
record DialogProperties(Boolean machinePerStep, Integer followUpTurns) {

    DialogProperties {
        machinePerStep = machinePerStep == null || machinePerStep;
        followUpTurns = followUpTurns == null ? 3 : followUpTurns;
        if (followUpTurns < 0) {
            throw new IllegalArgumentException("teahouse.dialogs.follow-up-turns must be 0 or more");
        }
    }
}
