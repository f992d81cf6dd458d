package com.teahouse.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link PolicyDigest#ask}. {@code answered} is the bot's decision to answer with
 * the first result; when false the dialog should say it is not sure and offer a person, and
 * {@code decline} says why. {@code results} are ranked best first either way (for tools and buttons).
 * {@code offered} holds up to three plausible entries ("did you mean") when the bot is not sure but
 * something is close; it is empty when answered or when nothing is plausible.
 */
public record DigestAnswer(String query, String lang, boolean answered, Decline decline, double confidence,
                           List<DigestHit> results, List<DigestHit> offered) {

    public DigestAnswer {
        results = results == null ? List.of() : List.copyOf(results);
        offered = offered == null || answered ? List.of() : List.copyOf(offered.subList(0, Math.min(3, offered.size())));
    }

    public DigestAnswer(String query, String lang, boolean answered, Decline decline, double confidence,
                        List<DigestHit> results) {
        this(query, lang, answered, decline, confidence, results, List.of());
    }

    /** Why a question was not answered; {@code NONE} when it was. */
    public enum Decline {
        NONE,
        /** Empty or contentless input. */
        EMPTY,
        /** The user asked for a person: hand off, never answer. */
        ASKS_FOR_PERSON,
        /** Something matched, but not well enough to be sure. */
        NOT_SURE,
        /** Nothing in the digest matched. */
        NO_MATCH
    }

    /** The entry to show when {@code answered}; empty otherwise. */
    public Optional<DigestHit> answer() {
        return answered && !results.isEmpty() ? Optional.of(results.get(0)) : Optional.empty();
    }
}
