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

    private final PolicyDigest digest;

    public KnowledgeSearchController(PolicyDigest digest) {
        this.digest = digest;
    }

    @GetMapping("/search")
    public ResponseEntity<?> search(@RequestParam("q") String q,
                                    @RequestParam(value = "lang", defaultValue = "zh") String lang,
                                    @RequestParam(value = "limit", defaultValue = "5") int limit) {
        if (q.isBlank()) {
            return badRequest("parameter 'q' must not be empty");
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            return badRequest("parameter 'lang' must be 'zh' or 'en'");
        }
        DigestAnswer a = digest.ask(q, lang, Math.max(1, Math.min(PolicyDigest.MAX_LIMIT, limit)));
        List<ResultJson> results = a.results().stream().map(h -> new ResultJson(h.id(), h.title(), h.score(),
                h.citations().stream().map(c -> new CitationJson(c.document(), c.article())).toList(),
                h.answer())).toList();
        return ResponseEntity.ok(new SearchJson(q, a.answered(), results));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return badRequest("missing parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("parameter '" + e.getName() + "' must be " + (e.getRequiredType() == int.class
                ? "an integer" : "valid"));
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request", "message", message));
    }
}
