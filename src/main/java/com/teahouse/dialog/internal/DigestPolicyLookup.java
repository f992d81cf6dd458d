package com.teahouse.dialog.internal;

import com.teahouse.knowledge.ChatAnswerFormatter;
import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.knowledge.PreviousTurn;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The conversation's questions answered by the policy digest. The answer shows the entry's title, its short
 * answer, and per cited document 《document》第N条 with the date it took effect; the labels come from dialogs/.
 * When the digest is not sure it passes on the entries it offers ("did you mean"), and a request for a person
 * as such.
 */
@Component
class DigestPolicyLookup implements PolicyLookup {

    /** How the digest is asked: {@link PolicyDigest#ask(String, String, int, String)}; tests may script it. */
    @FunctionalInterface
    interface Asking {
        DigestAnswer ask(String question, String language, int limit, PreviousTurn previous);
    }

    private static final int RESULTS = 3;

    private final PolicyDigest digest;
    private final Texts texts;
    private final Asking asking;

    @Autowired
    DigestPolicyLookup(PolicyDigest digest, Texts texts) {
        this(digest, texts, digest::ask);
    }

    DigestPolicyLookup(PolicyDigest digest, Texts texts, Asking asking) {
        this.digest = digest;
        this.texts = texts;
        this.asking = asking;
    }

    @Override
    public PolicyReply ask(String question, String language, PreviousTurn previous) {
        DigestAnswer answer = asking.ask(question, language, RESULTS, previous);
        if (answer.decline() == DigestAnswer.Decline.ASKS_FOR_PERSON) {
            return new PolicyReply(false, null, List.of(), null, List.of(), true);
        }
        return answer.answer()
                .map(hit -> new PolicyReply(true, render(hit, language), hit.related().stream()
                        .map(r -> new PolicyReply.Related(r.id(), r.title())).toList(), hit.id()))
                .orElseGet(() -> new PolicyReply(false, null, List.of(),
                        answer.results().isEmpty() ? null : answer.results().get(0).id(),
                        answer.offered().stream().map(h -> new PolicyReply.Related(h.id(), h.title())).toList(),
                        false));
    }

    @Override
    public boolean asksForPerson(String text, String language) {
        return digest.asksForPerson(text);
    }

    @Override
    public Optional<PolicyReply> byId(String entryId, String language) {
        return digest.entry(entryId, language)
                .map(hit -> new PolicyReply(true, render(hit, language), List.of(), hit.id()));
    }

    @Override
    public Optional<RichText> detail(String entryId, String language) {
        return digest.entry(entryId, language).filter(hit -> hit.detail() != null && !hit.detail().isBlank())
                .map(hit -> RichText.builder().bold(hit.title()).text("\n").text(hit.detail().strip()).text("\n\n")
                        .append(ChatAnswerFormatter.sources(hit, texts, language)).build());
    }

    private RichText render(DigestHit hit, String language) {
        return ChatAnswerFormatter.answer(hit, texts, language);
    }
}
