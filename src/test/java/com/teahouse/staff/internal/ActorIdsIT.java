package com.teahouse.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseHistoryEntry;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.messaging.Person;
import com.teahouse.staff.StaffRole;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * F21: case events, holders and logs name staff by their account, never by their Telegram user id; a bootstrap id
 * by a keyed hash. A case claimed as "tg:&lt;id&gt;" before stays workable by its holder (renamed at start-up), and
 * its old events stay readable.
 */
@SpringBootTest(properties = {"teahouse.telegram.staff-user-ids=7031", "teahouse.cases.poll-interval=1h"})
@Import(StaffTestBeans.CapturedTelegram.class)
class ActorIdsIT {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        StaffTestBeans.freshDataDir(registry, "actor-ids-it");
    }

    @Autowired
    AccountStore accounts;
    @Autowired
    TelegramStaff telegram;
    @Autowired
    HolderIds ids;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWork work;

    @Test
    void aLinkedAccountActsByItsAccountInTelegramAndOnTheWeb() {
        Account a = linked("f21-linked", "6006");
        assertEquals("web:f21-linked", a.actor().id());
        assertEquals("web:f21-linked", telegram.caller(new Person("6006", "Tax", "zh")).actor().id());
        String t = open();
        assertTrue(work.claim(t, telegram.caller(new Person("6006", "Tax", "zh")).actor(), null).done());
        assertTrue(work.history(t).stream().map(CaseHistoryEntry::who).noneMatch(w -> w.contains("6006")));
    }

    @Test
    void aBootstrapIdActsByAKeyedHash() {
        String id = telegram.caller(new Person("7031", "督办", "zh")).actor().id();
        assertTrue(id.matches("tg#[0-9a-f]{20}"), id);
        assertEquals(id, ids.bootstrap("7031"), "stable");
        assertFalse(id.equals(ids.bootstrap("7032")));
    }

    @Test
    void aCaseClaimedUnderTheFormerIdIsRenamedAndItsHistoryStaysReadable() {
        Account a = linked("f21-former", "6007");
        String t = open();
        assertTrue(work.claim(t, new Actor("tg:6007", a.name()), null).done()); // as claimed before F21
        ids.renameFormerHolders();
        assertEquals("web:f21-former", work.get(t).orElseThrow().claimedBy());
        assertTrue(work.resolve(t, a.actor(), "已办理", null).done(), "the holder goes on with the case");
        List<CaseHistoryEntry> h = work.history(t);
        assertTrue(h.stream().anyMatch(e -> e.type().equals("claim") && e.who().equals("tg:6007")
                && a.name().equals(e.whoName())));
        ids.renameFormerHolders(); // again: nothing left to rename, nothing breaks
        assertEquals("web:f21-former", work.get(t).orElseThrow().claimedBy());
    }

    private Account linked(String username, String telegramId) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new Account(username, "x", Set.of(StaffRole.STAFF), "iit", username, null, null));
            accounts.linkTelegram(username, telegramId);
        }
        return accounts.find(username).orElseThrow();
    }

    private String open() {
        return desk.open(new CaseRequest(UUID.randomUUID().toString(), Address.of("telegram",
                String.valueOf(900_000 + System.nanoTime() % 100_000)), "zh", CaseRequest.Kind.COMPLAINT, "payment",
                "工程款拖欠半年未付", List.of(), "奎文区", "某某科技有限公司", "91370700MA3C00000X", "张三", "13800000000",
                false, List.of())).trackingNumber();
    }
}
