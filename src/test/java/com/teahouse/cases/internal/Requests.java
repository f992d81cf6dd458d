package com.teahouse.cases.internal;

import com.teahouse.cases.ConversationLine;
import com.teahouse.cases.CaseRequest;
import com.teahouse.messaging.Address;
import java.util.List;

final class Requests {

    private Requests() {
    }

    static CaseRequest complaint(String submission, Address owner, boolean confidential) {
        return new CaseRequest(submission, owner, "zh", CaseRequest.Kind.COMPLAINT, "payment",
                "工程款拖欠半年未付", List.of(), "奎文区", "某某科技有限公司", "91370700MA3C00000X", "张三",
                "13800000000", confidential, List.of(ConversationLine.user("我要投诉", null),
                        ConversationLine.bot("请选择类别", null)));
    }
}
