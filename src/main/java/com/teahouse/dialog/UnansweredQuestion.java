package com.teahouse.dialog;

import java.time.Instant;
import java.util.List;

/**
 * A policy question the bot could not close, published in memory when it happens (losing one is acceptable: it
 * only feeds the policy office's list of misses). It carries the question as typed and nothing about who asked:
 * a listener that keeps it must still strip numbers that identify people from {@code question}.
 *
 * @param question   the question as the user typed it
 * @param lang       the conversation's language, "zh" or "en"
 * @param reason     which moment it was
 * @param candidates the entries that came closest, best first (may be empty)
 * @param at         when it was asked
 */
public record UnansweredQuestion(String question, String lang, Reason reason, List<String> candidates, Instant at) {

    public UnansweredQuestion {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public enum Reason {
        /** The digest was not sure and nothing was close: the bot offered to rephrase or a person. */
        DECLINED,
        /** "Did you mean" was offered and the user picked none of it (asked again, or asked for a person). */
        OFFER_NOT_PICKED,
        /** The user said the answer did not help. */
        NOT_HELPED
    }
}
