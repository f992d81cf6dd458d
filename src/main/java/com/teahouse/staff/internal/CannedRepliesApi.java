package com.teahouse.staff.internal;

import com.teahouse.cases.CaseListing;
import com.teahouse.staff.StaffRole;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /staff/api/canned}: everyone who handles cases reads the canned replies (常用回复) of a category;
 * supervisors create ({@code POST}), replace ({@code POST /{id}}) and delete them. Changes need the CSRF token,
 * like every console change. A bad reply (no title or text, too long, unknown category) is a 400 and changes
 * nothing. The text is what staff then relay, as text.
 */
@RestController
@RequestMapping("/staff/api/canned")
class CannedRepliesApi {

    record Body(String category, String title, String text) {
    }

    private final ConsoleAccess access;
    private final CannedReplies canned;
    private final CaseListing listing;
    private final AuditLog audit;

    CannedRepliesApi(ConsoleAccess access, CannedReplies canned, CaseListing listing, AuditLog audit) {
        this.access = access;
        this.canned = canned;
        this.listing = listing;
        this.audit = audit;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> list(Principal principal, @RequestParam(required = false) String category) {
        Account a = access.me(principal);
        if (!a.caller().handlesCases()) {
            return access.refused(HttpStatus.FORBIDDEN, access.message("access.refused.staff"));
        }
        return ResponseEntity.ok(Map.of("items", canned.of(category == null || category.isBlank() ? null
                : category)));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(Principal principal, @RequestBody(required = false) Body body) {
        return save(principal, null, body);
    }

    @PostMapping("/{id}")
    ResponseEntity<Map<String, Object>> replace(Principal principal, @PathVariable String id,
            @RequestBody(required = false) Body body) {
        ResponseEntity<Map<String, Object>> refused = supervisorOnly(principal);
        if (refused != null) {
            return refused;
        }
        if (canned.get(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return save(principal, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(Principal principal, @PathVariable String id) {
        ResponseEntity<Map<String, Object>> refused = supervisorOnly(principal);
        if (refused != null) {
            return refused;
        }
        if (!canned.delete(id)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(principal.getName(), "canned-delete", "", id);
        return ResponseEntity.ok(Map.of("done", true));
    }

    private ResponseEntity<Map<String, Object>> save(Principal principal, String id, Body body) {
        ResponseEntity<Map<String, Object>> refused = supervisorOnly(principal);
        if (refused != null) {
            return refused;
        }
        String title = body == null || body.title() == null ? "" : body.title().strip();
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (body == null || !listing.categories().contains(body.category()) || title.isEmpty()
                || title.length() > CannedReplies.MAX_TITLE || text.isEmpty() || text.length() > CannedReplies.MAX_TEXT) {
            return access.refused(HttpStatus.BAD_REQUEST, access.message("console.canned.invalid"));
        }
        Map<String, String> saved = canned.save(id, body.category(), title, text, principal.getName());
        audit.record(principal.getName(), id == null ? "canned-create" : "canned-update", "", saved.get("id"));
        return ResponseEntity.status(id == null ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("item", saved));
    }

    private ResponseEntity<Map<String, Object>> supervisorOnly(Principal principal) {
        Account a = access.me(principal);
        return a.has(StaffRole.SUPERVISOR) ? null
                : access.refused(HttpStatus.FORBIDDEN, access.message("console.canned.supervisors"));
    }
}
