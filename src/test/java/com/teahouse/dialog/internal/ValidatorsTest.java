package com.teahouse.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void creditCodeCheckCharacterOfGb32100() {
        assertThat(CreditCode.normalize("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.normalize("91 3501 00m000100y43")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.normalize("91350100M000100Y44")).isNull();
        assertThat(CreditCode.normalize("91350100M000100Y4")).isNull();
        assertThat(CreditCode.normalize("91350100I000100Y43")).isNull(); // I is not in the alphabet
        assertThat(CreditCode.normalize("911101087187512436")).isNull();
    }

    @Test
    void swappedDigitsAreCaught() {
        assertThat(CreditCode.normalize("19350100M000100Y43")).isNull();
    }

    @Test
    void mainlandPhones() {
        assertThat(PhoneNumbers.normalize("138 0013 8000")).isEqualTo("13800138000");
        assertThat(PhoneNumbers.normalize("+86 138-0013-8000")).isEqualTo("13800138000");
        assertThat(PhoneNumbers.normalize("0536-8888888")).isEqualTo("0536-8888888");
        assertThat(PhoneNumbers.normalize("(010) 12345678")).isEqualTo("010-12345678");
        assertThat(PhoneNumbers.normalize("0536-8888888转801")).isEqualTo("0536-8888888-801");
        assertThat(PhoneNumbers.normalize("12800138000")).isNull();
        assertThat(PhoneNumbers.normalize("12345")).isNull();
        assertThat(PhoneNumbers.normalize("1380013800")).isNull();
    }

    @Test
    void conversationStateIsCompactJson() {
        var codec = new ConversationCodec();
        Conversation c = new Conversation();
        c.language = "zh";
        c.at("complaint", "company");
        c.fields.put("category", "payment");
        String json = codec.write(c);
        assertThat(json).isEqualTo("{\"l\":\"zh\",\"f\":\"complaint\",\"s\":\"company\",\"v\":{\"category\":\"payment\"}}");
        assertThat(codec.read(json).fields).containsEntry("category", "payment");
        assertThat(codec.read("not json").flow).isNull();
    }
}
