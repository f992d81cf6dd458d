package com.teahouse.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.teahouse.knowledge.DigestAnswer;
import com.teahouse.knowledge.DigestExplanation;
import com.teahouse.knowledge.DigestHit;
import com.teahouse.knowledge.DigestView;
import com.teahouse.knowledge.PolicyDigest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /policy/api/try}: a question asked as the bot asks it, against the published digest or a draft laid
 * over it. Returns the top five with each one's calibrated probability and why it ranked there (the features the
 * answer model saw, the re-rank's note) and the decision: answer, offer (did you mean), decline, or person.
 * An invalid draft is a 422 with its problems at their lines.
 */
@RestController
class TryApi {

    record TryRequest(String question, String lang, DraftRequest draft) {
    }

    static final int TOP = 5;
    /** How many results the dialog asks for (its decision is read from that search). */
    static final int DIALOG_LIMIT = 3;
    static final int MAX_QUESTION = 1000;

    private final PolicyDigest digest;

    TryApi(PolicyDigest digest) {
        this.digest = digest;
    }

    @PostMapping("/policy/api/try")
    ResponseEntity<Map<String, Object>> tryQuestion(@RequestBody TryRequest request) {
        String q = request.question() == null ? "" : request.question().strip();
        if (q.isEmpty() || q.length() > MAX_QUESTION) {
            return ResponseEntity.badRequest().body(Map.of("message",
                    "question must be 1 to " + MAX_QUESTION + " characters"));
        }
        String lang = request.lang() == null || request.lang().isBlank() ? PolicyDigest.detectLanguage(q)
                : request.lang().strip();
        if (!lang.equals("zh") && !lang.equals("en")) {
            return ResponseEntity.badRequest().body(Map.of("message", "lang must be 'zh' or 'en'"));
        }
        DraftRequest.Outcome draft = DraftRequest.view(digest, request.draft());
        if (draft.view().isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("problems", draft.json()));
        }
        Map<String, Object> body = answer(draft.view().get(), q, lang);
        body.put("draft", request.draft() == null ? null : Map.of("id", String.valueOf(request.draft().id()),
                "problems", draft.json()));
        return ResponseEntity.ok(body);
    }

    static Map<String, Object> answer(DigestView view, String q, String lang) {
        DigestAnswer decided = view.ask(q, lang, DIALOG_LIMIT);
        DigestExplanation x = view.explain(q, lang, TOP);
        List<Map<String, Object>> ranking = new ArrayList<>();
        List<DigestHit> hits = x.answer().results();
        for (int i = 0; i < x.results().size() && i < hits.size(); i++) {
            DigestExplanation.Result r = x.results().get(i);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", r.id());
            one.put("title", hits.get(i).title());
            one.put("probability", r.probability());
            one.put("score", r.score());
            one.put("decision", r.decision());
            one.put("features", r.features());
            one.put("note", r.note());
            ranking.add(one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", q);
        body.put("lang", lang);
        body.put("decision", TrialDecision.of(decided).json());
        body.put("answer", decided.answer().map(DigestHit::id).orElse(null));
        body.put("offered", decided.offered().stream().map(DigestHit::id).toList());
        body.put("decline", decided.decline().name());
        body.put("answerThreshold", x.answerThreshold());
        body.put("offerThreshold", x.offerThreshold());
        body.put("parties", x.parties());
        body.put("ranking", ranking);
        return body;
    }
}
