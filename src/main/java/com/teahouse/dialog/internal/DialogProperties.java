package com.teahouse.dialog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The conversation's settings ({@code teahouse.dialogs.*}).
 *
 * @param dir            the flows, catalogues and texts
 * @param machinePerStep restore a state machine on every step (the design), or remember its answers
 * @param followUpTurns  how many later questions are read in the context of the last answered entry
 *                       (「那个体户呢？」); 0 turns follow-ups off
 */
@ConfigurationProperties("teahouse.dialogs")
record DialogProperties(String dir, Boolean machinePerStep, Integer followUpTurns) {

    DialogProperties {
        dir = dir == null || dir.isBlank() ? "./dialogs" : dir;
        machinePerStep = machinePerStep == null || machinePerStep;
        followUpTurns = followUpTurns == null ? 3 : followUpTurns;
        if (followUpTurns < 0) {
            throw new IllegalArgumentException("teahouse.dialogs.follow-up-turns must be 0 or more");
        }
    }
}
