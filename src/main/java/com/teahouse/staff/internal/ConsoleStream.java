package com.teahouse.staff.internal;

import com.teahouse.cases.CaseChanged;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.limits.LiveStreams;
import com.teahouse.limits.StreamGroup;
import com.teahouse.limits.StreamGroup.Stream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open console pages (SSE): the number of a case that changed; the page then re-reads what it
 * shows. Each page gets only the cases its user may see (asked of {@link ConsoleAccess}, the console's one
 * answer to "may this account see this case"), re-checked at every event so a role or unit change applies at
 * once. Streams close when their session ends (logout, expiry) and when the account is revoked, on this instance
 * at once and on the others at their next event (the account's generation moved on). Changes come
 * through Redis ({@link CaseChanged}, from the cases' notices stream), so a page sees changes made on any instance.
 */
@RestController
class ConsoleStream {

    /** Whose page it is, and the account's generation its login was stamped with ({@link LoginStamp}). */
    record Viewer(String username, long generation) {
    }

    private final StreamGroup<Viewer> open;
    private final AccountStore accounts;
    private final ConsoleAccess access;
    private final CaseWork work;

    ConsoleStream(LiveStreams streams, AccountStore accounts, ConsoleAccess access, CaseWork work) {
        this.open = streams.group("console");
        this.accounts = accounts;
        this.access = access;
        this.work = work;
    }

    @GetMapping("/staff/api/stream")
    SseEmitter follow(Principal principal, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (principal == null || session == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        long generation = principal instanceof Authentication a && a.getDetails() instanceof LoginStamp stamp
                ? stamp.generation() : -1;
        Stream<Viewer> stream = open.open(session.getId(), request.getRemoteAddr(),
                new Viewer(principal.getName(), generation))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
        open.send(stream, SseEmitter.event().name("hello").data("ok"));
        return open.emitter(stream);
    }

    @EventListener
    void changed(CaseChanged event) {
        if (open.size() == 0) {
            return;
        }
        Optional<CaseRecord> changed = work.get(event.trackingNumber());
        for (Stream<Viewer> stream : open.all()) {
            Optional<Account> account = current(stream.state());
            if (account.isEmpty()) {
                open.closeIf(s -> s == stream);
            } else if (changed.isPresent() && mayFollow(account.get(), changed.get())) {
                open.send(stream, SseEmitter.event().name("case").data(event.trackingNumber()));
            }
        }
    }

    /**
     * The account as it is now, if the page's login still stands: a disable or any other change made on another
     * instance (whose {@link AccountRevoked} this instance never hears) raised the generation, so the page stops at
     * its next event, as {@link SessionGuard} ends the session at its next request.
     */
    private Optional<Account> current(Viewer viewer) {
        Optional<AccountStatus> status = accounts.status(viewer.username());
        if (status.isEmpty() || status.get().disabled() || status.get().generation() != viewer.generation()) {
            return Optional.empty();
        }
        return accounts.find(viewer.username());
    }

    /** The one case policy decides: a page follows only the cases its user may see. */
    private boolean mayFollow(Account account, CaseRecord c) {
        return access.policy().decide(account.caller(), CasePolicy.Action.SEE, c).allowed();
    }

    /** Logout or expiry: that session's pages stop at once. */
    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent event) {
        open.closeOwner(event.getId());
    }

    @EventListener
    void revoked(AccountRevoked event) {
        open.closeIf(s -> s.state().username().equals(event.username()));
    }

    /** An event for one account's open pages only (its deadline reminders). */
    void tell(String username, String name, String data) {
        for (Stream<Viewer> stream : open.all()) {
            if (stream.state().username().equals(username)) {
                open.send(stream, SseEmitter.event().name(name).data(data));
            }
        }
    }

    int streams() {
        return open.size();
    }
}
