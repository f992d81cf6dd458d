package com.teahouse.chaos;

import java.util.List;

/**
 * What one chat says, in English: a full complaint form typed (button labels typed as text are presses), then two
 * policy questions. Each line names a piece of text its reply must contain. Lines marked {@code together} are
 * sent right after the previous one without waiting for its reply, so that the chat's order is put to the test:
 * handled out of order, the name would be refused as a phone number.
 */
record ChatScript(List<Line> lines) {

    record Line(String text, String expect, boolean together) {
    }

    static ChatScript complaintAndTwoQuestions(int n) {
        return new ChatScript(List.of(
                new Line("/complain", "Step 1: category", false),
                new Line("Taxes and tax refunds", "Step 2: what happened", false),
                new Line("The tax office has held export refund number " + n + " for nine months.",
                        "Step 3: where", false),
                new Line("Qingzhou", "Step 4: company", false),
                new Line("Chaos Trading Co. " + n, "Step 5: unified social credit code", false),
                new Line("Skip", "Step 6: contact person", false),
                new Line("Li Si", "Step 7: phone", false),
                new Line("+86 138-0013-8000", "Step 8: confidentiality", true),
                new Line("They may see it", "Category: Taxes and tax refunds", false),
                new Line("✅ Submit", "Your complaint is registered as", false),
                new Line("how long can a big company take to pay my invoice?", "Source", false),
                new Line("what if a government agency pays late?", "Source", false)));
    }

    int submitLine() {
        return 9;
    }
}
