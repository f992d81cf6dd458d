package com.teahouse.dialog.internal;

import com.teahouse.knowledge.PreviousTurn;
import java.util.Optional;

/**
 * Stands in for the knowledge module until its adapter is wired: never sure, so every question ends in
 * "rephrase or talk to a person". Used only when no other {@link PolicyLookup} bean exists.
 */
final class UnansweredPolicyLookup implements PolicyLookup {

    @Override
    public PolicyReply ask(String question, String language, PreviousTurn previous) {
        return PolicyReply.unanswered();
    }

    @Override
    public Optional<PolicyReply> byId(String entryId, String language) {
        return Optional.empty();
    }

    @Override
    public Optional<com.teahouse.messaging.RichText> detail(String entryId, String language) {
        return Optional.empty();
    }
}
