package com.teahouse.dialog.internal;

import com.teahouse.knowledge.ChatAnswerFormatter;
import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.PolicyDigest;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The conversation's questions answered by the policy digest. The answer shows the entry's title, its short
 * answer, and per cited document 《document》第N条 with the date it took effect; the labels come from dialogs/.
 */
@Component
class DigestPolicyLookup implements PolicyLookup {

    private final PolicyDigest digest;
    private final Texts texts;

    DigestPolicyLookup(PolicyDigest digest, Texts texts) {
        this.digest = digest;
        this.texts = texts;
    }

    @Override
    public PolicyReply ask(String question, String language) {
        DigestAnswer answer = digest.ask(question, language, 3);
        return answer.answer()
                .map(hit -> new PolicyReply(true, render(hit, language),
                        hit.related().stream().map(r -> new PolicyReply.Related(r.id(), r.title())).toList(), hit.id()))
                .orElseGet(() -> new PolicyReply(false, null, java.util.List.of(),
                        answer.results().isEmpty() ? null : answer.results().get(0).id()));
    }

    @Override
    public Optional<PolicyReply> byId(String entryId, String language) {
        return digest.entry(entryId, language)
                .map(hit -> new PolicyReply(true, render(hit, language), java.util.List.of(), hit.id()));
    }

    @Override
    public Optional<RichText> detail(String entryId, String language) {
        return digest.entry(entryId, language).filter(hit -> hit.detail() != null && !hit.detail().isBlank())
                .map(hit -> RichText.builder().bold(hit.title()).text("\n").text(hit.detail().strip()).text("\n\n")
                        .append(ChatAnswerFormatter.sources(hit, texts, language)).build());
    }

    private RichText render(DigestHit hit, String language) {
        RichText.Builder text = RichText.builder().bold(hit.title()).text("\n").text(hit.answer().strip())
                .text("\n\n").append(ChatAnswerFormatter.sources(hit, texts, language));
        return text.build();
    }
}
