package com.teahouse.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.messaging.Address;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What staff may read of the entrepreneur's own words: in a takeover, the transcript and the description. */
class ContactMaskTest {

    static CaseRecord c(boolean confidential) {
        return new CaseRecord("QY-261202-0001-3", CaseState.CLAIMED, CaseRequest.Kind.COMPLAINT, "payment", "iit",
                "工程款未付", List.of(), "奎文区", "恒达建筑工程有限公司", "91370700MAQX90003A", "张三", "0536-8888888",
                confidential, "zh", Address.of("telegram", "1"), List.of(), Instant.now(), null, null, null, null,
                "web:li", "李工", false, null, null, null);
    }

    @Test
    void contactPersonAndPhonesAreAlwaysMasked() {
        assertThat(c(false).masked("我是张三，座机0536-8888888，手机 139 0000 1234 或 +86 13900001234"))
                .isEqualTo("我是***，座机***，手机 *** 或 ***");
    }

    @Test
    void aConfidentialComplainantsCompanyAndCreditCodeAreMaskedToo() {
        String said = "恒达建筑工程有限公司（信用代码 91370700MAQX90003A，另一个 91370700MAQX70001L）";
        assertThat(c(true).masked(said)).isEqualTo("***（信用代码 ***，另一个 ***）");
        assertThat(c(false).masked(said)).isEqualTo(said);
    }

    @Test
    void otherWordsAreKeptAsSaid() {
        assertThat(c(true).masked("合同编号 HT-2025-031，金额 1200000 元")).isEqualTo(
                "合同编号 HT-2025-031，金额 1200000 元");
        assertThat(c(true).masked("")).isEmpty();
    }

    /** F1: the case as staff see it carries the words masked too, wherever the complainant typed them. */
    @Test
    void theCaseAsStaffSeeItMasksTheDescriptionAndTheTranscript() {
        CaseRecord full = new CaseRecord("QY-261202-0002-1", CaseState.DISPATCHED, CaseRequest.Kind.COMPLAINT,
                "payment", "iit", "恒达建筑工程有限公司的尾款未付，请找张三 13900001234", List.of(), "奎文区",
                "恒达建筑工程有限公司", "91370700MAQX90003A", "张三", "13900001234", true, "zh",
                Address.of("telegram", "1"), List.of(
                        new ConversationLine(ConversationLine.From.USER, "我们是恒达建筑工程有限公司", Instant.now()),
                        new ConversationLine(ConversationLine.From.BOT, "请描述问题", Instant.now()),
                        new ConversationLine(ConversationLine.From.USER, "代码 91370700MAQX90003A，电话 139-0000-1234",
                                Instant.now())),
                Instant.now(), null, null, null, null, null, null, false, null, null, null);
        CaseRecord seen = full.withoutContact();
        assertThat(seen.description()).isEqualTo("***的尾款未付，请找*** ***");
        assertThat(seen.transcript()).extracting(ConversationLine::text)
                .containsExactly("我们是***", "请描述问题", "代码 ***，电话 ***");
        assertThat(seen.transcript()).extracting(ConversationLine::from).containsExactly(ConversationLine.From.USER,
                ConversationLine.From.BOT, ConversationLine.From.USER);
        assertThat(full.description()).contains("恒达建筑工程有限公司");
    }
}
