package com.teahouse.policy.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.teahouse.knowledge.ChatAnswerFormatter;
import com.teahouse.knowledge.DigestExport;
import com.teahouse.knowledge.DigestStore;
import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;

/**
 * The editor's tools: kb check as you type, the chat preview, a diff of two versions, synonyms with their history,
 * and the export of the published digest as knowledge/ files.
 */
@RestController
@RequestMapping("/policy/api")
class DigestToolsApi {

    record Check(String id, String markdown) {
    }

    record Preview(String markdown, String lang) {
    }

    record Synonyms(String text, String note, Integer version) {
    }

    private final DigestStore store;
    private final DigestAudit audit;
    private final Texts texts;

    DigestToolsApi(DigestStore store, DigestAudit audit, Texts texts) {
        this.audit = audit;
        this.store = store;
        this.texts = texts;
    }

    /** kb check of the digest with this draft in place; nothing is written. */
    @PostMapping("/check")
    ResponseEntity<?> check(@RequestBody Check body) {
        if (!DigestStore.validId(body.id())) {
            return Outcomes.badId();
        }
        String markdown = body.markdown() == null ? "" : body.markdown();
        return ResponseEntity.ok(Map.of("problems",
                Outcomes.problems(store.check(DigestStore.entryPath(body.id()), markdown))));
    }

    /** The draft's answer exactly as the chat sends it, in zh and en (or the one language asked for). */
    @PostMapping("/preview")
    Map<String, Object> preview(@RequestBody Preview body) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> langs = body.lang() == null || body.lang().isBlank() ? List.of("zh", "en")
                : List.of("en".equals(body.lang()) ? "en" : "zh");
        for (String lang : langs) {
            out.put(lang, store.preview(body.markdown() == null ? "" : body.markdown(), lang)
                    .map(hit -> spans(ChatAnswerFormatter.answer(hit, texts, lang))).orElse(null));
        }
        return out;
    }

    private static Map<String, Object> spans(RichText text) {
        return Map.of("text", text.plainText(), "spans", text.spans().stream()
                .map(s -> Map.of("text", s.text(), "bold", s.bold())).toList());
    }

    /** A unified diff between two versions of an entry (or of synonyms.txt with {@code id=synonyms}). */
    @GetMapping("/versions/diff")
    ResponseEntity<?> diff(@RequestParam String id, @RequestParam int from, @RequestParam int to) {
        String path = "synonyms".equals(id) ? DigestStore.SYNONYMS
                : DigestStore.validId(id) ? DigestStore.entryPath(id) : null;
        if (path == null || store.history(path).stream().noneMatch(v -> v.version() == from)
                || store.history(path).stream().noneMatch(v -> v.version() == to)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such version"));
        }
        List<String> a = store.text(path, from).orElse("").lines().toList();
        List<String> b = store.text(path, to).orElse("").lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path + "@" + from, path + "@" + to, a,
                DiffUtils.diff(a, b), 3);
        return ResponseEntity.ok(Map.of("id", id, "from", from, "to", to, "diff", unified));
    }

    @GetMapping("/synonyms")
    Map<String, Object> synonyms() {
        return store.document(DigestStore.SYNONYMS).<Map<String, Object>>map(d -> Map.of("text", d.text(),
                "version", d.version())).orElseGet(() -> Map.of("text", "", "version", 0));
    }

    @PutMapping("/synonyms")
    ResponseEntity<?> publishSynonyms(@RequestBody Synonyms body, Principal who) {
        return Outcomes.of(audit.record(who, "digest.publish", DigestStore.SYNONYMS,
                store.publish(DigestStore.SYNONYMS, body.text() == null ? "" : body.text(), body.version(),
                        who.getName(), Outcomes.note(body.note()))));
    }

    @GetMapping("/synonyms/history")
    Map<String, Object> synonymsHistory() {
        return Map.of("versions", store.history(DigestStore.SYNONYMS));
    }

    @PostMapping("/synonyms/rollback")
    ResponseEntity<?> rollbackSynonyms(@RequestBody EntriesApi.Rollback body, Principal who) {
        if (body.version() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such version"));
        }
        return Outcomes.of(audit.record(who, "digest.rollback", DigestStore.SYNONYMS,
                store.rollback(DigestStore.SYNONYMS, body.version(), who.getName(), Outcomes.note(body.note()))));
    }

    /** The published digest as a zip of knowledge/ files, to bring the repository up to date. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"knowledge.zip\"")
                .body(out -> DigestExport.zip(store.files(), out));
    }
}
