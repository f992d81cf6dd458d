package com.teahouse.knowledge;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * {@code GET /api/knowledge/search?q=…&lang=zh|en&limit=N} for the policy office and tools.
 * With {@code &explain=true} ("why this answer", staff and policy office only: see WebSecurity) each
 * result also carries the features the answer model saw, its calibrated probability and the decision, and each
 * feature's contribution to the learned ranker's score ({@code ranking}; its softmax is {@code features.rank_p}).
 * The response shape is a published contract; it is built here from dedicated records so that
 * changes to {@link DigestHit} cannot leak into it.
 */
@RestController
@RequestMapping("/api/knowledge")
public class KnowledgeSearchController {

    record CitationJson(String document, int article) {
    }

    record ResultJson(String id, String title, double score, List<CitationJson> citations, String answer) {
    }

    record SearchJson(String query, boolean answered, List<ResultJson> results) {
    }

    record ExplainedResultJson(String id, String title, double score, List<CitationJson> citations, String answer,
                               Map<String, Double> features, double probability, String decision, String note,
                               Map<String, Double> ranking) {
    }

    record ExplainJson(String query, boolean answered, String decline, List<String> parties, double answerThreshold,
                       double offerThreshold, List<String> offered, List<ExplainedResultJson> results) {
    }

    private final PolicyDigest digest;

    public KnowledgeSearchController(PolicyDigest digest) {
        this.digest = digest;
    }

    @GetMapping("/search")
    public ResponseEntity<?> search(@RequestParam("q") String q,
                                    @RequestParam(value = "lang", defaultValue = "zh") String lang,
                                    @RequestParam(value = "limit", defaultValue = "5") int limit,
                                    @RequestParam(value = "explain", defaultValue = "false") boolean explain) {
        if (q.isBlank()) {
            return badRequest("parameter 'q' must not be empty");
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            return badRequest("parameter 'lang' must be 'zh' or 'en'");
        }
        int n = Math.max(1, Math.min(PolicyDigest.MAX_LIMIT, limit));
        if (explain) {
            return ResponseEntity.ok(explained(q, digest.explain(q, lang, n)));
        }
        DigestAnswer a = digest.ask(q, lang, n);
        List<ResultJson> results = a.results().stream()
                .map(h -> new ResultJson(h.id(), h.title(), h.score(), citations(h), h.answer())).toList();
        return ResponseEntity.ok(new SearchJson(q, a.answered(), results));
    }

    private static ExplainJson explained(String q, DigestExplanation x) {
        DigestAnswer a = x.answer();
        List<ExplainedResultJson> results = new java.util.ArrayList<>();
        for (int i = 0; i < a.results().size() && i < x.results().size(); i++) {
            DigestHit h = a.results().get(i);
            DigestExplanation.Result r = x.results().get(i);
            results.add(new ExplainedResultJson(h.id(), h.title(), h.score(), citations(h), h.answer(), r.features(),
                    r.probability(), r.decision(), r.note(), r.ranking()));
        }
        return new ExplainJson(q, a.answered(), a.decline().name(), x.parties(), x.answerThreshold(),
                x.offerThreshold(), a.offered().stream().map(DigestHit::id).toList(), results);
    }

    private static List<CitationJson> citations(DigestHit h) {
        return h.citations().stream().map(c -> new CitationJson(c.document(), c.article())).toList();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return badRequest("missing parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return badRequest("parameter '" + e.getName() + "' must be "
                + (type == int.class ? "an integer" : type == boolean.class ? "true or false" : "valid"));
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request", "message", message));
    }
}
