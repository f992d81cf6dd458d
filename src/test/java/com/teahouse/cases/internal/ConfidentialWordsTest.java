package com.teahouse.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.CaseState;
import com.teahouse.messaging.Address;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the handling unit may read of the entrepreneur's words during a takeover. */
class ConfidentialWordsTest {

    static CaseRecord c(boolean confidential) {
        return new CaseRecord("QY-261202-0001-3", CaseState.CLAIMED, CaseRequest.Kind.COMPLAINT, "payment", "iit",
                "工程款未付", List.of(), "奎文区", "恒达建筑工程有限公司", "91370700MAQX90003A", "张三", "0536-8888888",
                confidential, "zh", Address.of("telegram", "1"), List.of(), Instant.now(), null, null, null, null,
                "web:li", "李工", false, null, null, null);
    }

    @Test
    void contactPersonAndPhonesAreAlwaysMasked() {
        assertThat(ConfidentialWords.masked(c(false), "我是张三，座机0536-8888888，手机 139 0000 1234 或 +86 13900001234"))
                .isEqualTo("我是***，座机***，手机 *** 或 ***");
    }

    @Test
    void aConfidentialComplainantsCompanyAndCreditCodeAreMaskedToo() {
        String said = "恒达建筑工程有限公司（信用代码 91370700MAQX90003A，另一个 91370700MAQX70001L）";
        assertThat(ConfidentialWords.masked(c(true), said)).isEqualTo("***（信用代码 ***，另一个 ***）");
        assertThat(ConfidentialWords.masked(c(false), said)).isEqualTo(said);
    }

    @Test
    void otherWordsAreKeptAsSaid() {
        assertThat(ConfidentialWords.masked(c(true), "合同编号 HT-2025-031，金额 1200000 元")).isEqualTo(
                "合同编号 HT-2025-031，金额 1200000 元");
        assertThat(ConfidentialWords.masked(c(true), "")).isEmpty();
    }
}
