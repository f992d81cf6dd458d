package com.teahouse.policy.internal;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.teahouse.knowledge.DigestView;
import com.teahouse.knowledge.PolicyDigest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /policy/api/evaluate} with {@code {draft?: {id, markdown}}}: the bulk check. 409 while another run is
 * going on this instance; 422 with the draft's problems when it is invalid.
 */
@RestController
class EvaluateApi {

    record EvaluateRequest(DraftRequest draft) {
    }

    private final PolicyDigest digest;
    private final BulkEvaluation evaluation;

    EvaluateApi(PolicyDigest digest, BulkEvaluation evaluation) {
        this.digest = digest;
        this.evaluation = evaluation;
    }

    @PostMapping("/policy/api/evaluate")
    ResponseEntity<Map<String, Object>> evaluate(@RequestBody(required = false) EvaluateRequest request)
            throws InterruptedException {
        DigestView published = digest.published();
        DraftRequest.Outcome draft = DraftRequest.view(digest, request == null ? null : request.draft());
        if (draft.view().isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("problems", draft.json()));
        }
        DigestView against = request == null || request.draft() == null ? published : draft.view().get();
        try {
            return ResponseEntity.ok(evaluation.run(published, against));
        } catch (BulkEvaluation.Busy e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
        } catch (TimeoutException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message",
                    "the evaluation took too long"));
        }
    }
}
