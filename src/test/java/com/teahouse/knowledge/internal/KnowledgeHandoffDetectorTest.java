package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Requests for a person (knowledge/handoff.yaml) in many wordings, and questions that only mention staff. */
class KnowledgeHandoffDetectorTest {

    @Test
    void requestsForAPersonAreRecognised() {
        for (String q : new String[] {"转人工", "我要找接线员", "帮我转接线员", "接线员", "I want to talk to a human",
            "connect me to an operator", "我要跟你们负责人谈", "能不能让工作人员打电话给我", "给我个客服电话 我自己打",
            "不要机器人", "有人吗", "找个真人", "what's your supervisor's phone number", "stop the bot, real person pls",
            "I need a real person", "can someone from your office call me back", "人工", "人工！！", "真人客服在吗",
            "我要投诉电话", "找你们领导", "麻烦联系我一下", "请工作人员尽快联系我", "能不能换个客服", "叫你们经理来",
            "agent", "Human please", "let me speak with someone", "get me a representative", "is anyone there?",
            "I want to speak to your manager", "please have someone call me", "you're not a bot, right? I need a person",
            "can I talk to customer service", "transfer me to staff", "帮我接通人工", "我要找工作人员", "别让机器人回我了",
            "找人", "我想找个人问问", "能跟人说话吗", "客服呢？", "人工在不在", "我要申请人工处理", "你们领导的电话给我",
            "我不想跟机器聊", "麻烦转接一下你们的工作人员", "有没有客服", "我要找领导", "需要人工帮助", "any humans here?", "operator please", "can I get a callback", "I want an actual human"}) {
            assertTrue(HandoffDetector.asksForPerson(q), q);
        }
    }

    @Test
    void mentioningStaffOrAskingAboutTheServiceIsNotAskingForSomeone() {
        for (String q : new String[] {"12345夜里还有接线员值班吗", "热线接线员态度不好怎么投诉", "how long until my case is answered",
            "领导换了以后承诺不兑现", "12345转办到哪个部门", "our manager wants to know the payment deadline",
            "the bot industry needs no license?", "人工几点上班", "发什么指令能找到工作人员", "which command gets me a human agent",
            "想跟区领导当面反映企业困难", "we need support for exports", "is the 12345 line open all night",
            "法人代表换人要办什么手续", "the agency wants a licence", "customs agent charged twice",
            "找人代办执照要花钱吗", "审批是不是人工审核", "how do I reach the tax office"}) {
            assertFalse(HandoffDetector.asksForPerson(q), q);
        }
    }

    /** A long paste is judged on its start and end (where people put "转人工"), not on the middle. */
    @Test
    void aLongPasteIsJudgedOnItsStartAndEnd() {
        String middle = "合同约定九十天付款，对方一直拖欠。".repeat(500);
        assertTrue(HandoffDetector.asksForPerson(middle + "转人工"));
        assertTrue(HandoffDetector.asksForPerson("转人工！" + middle));
        assertFalse(HandoffDetector.asksForPerson(middle));
        assertTrue(HandoffDetector.asksForPerson("轉人工"), "traditional characters");
        assertTrue(HandoffDetector.asksForPerson("ＨＵＭＡＮ"), "full-width letters");
    }

    /** The table in knowledge-handoff/table.txt: one line per wording, "P text" a request, "N text" not one. */
    @TestFactory
    Stream<DynamicTest> theWordingTableIsReadAsLabelled() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/knowledge-handoff/table.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> DynamicTest.dynamicTest(l, () -> assertEquals(l.startsWith("P "),
                        HandoffDetector.asksForPerson(l.substring(2)), l)));
    }

    /** "人工几点上班", "how do I reach an agent?": the digest answers those (hotline-hours, hotline-talk-to-human). */
    @Property
    void askingWhenOrHowToReachSomeoneIsAQuestionNotARequest(@ForAll("questionsAboutTheService") String q) {
        assertFalse(HandoffDetector.asksForPerson(q), q);
    }

    @Provide
    Arbitrary<String> questionsAboutTheService() {
        Arbitrary<String> zhWho = Arbitraries.of("人工", "人工客服", "客服", "接线员", "工作人员", "人工坐席");
        Arbitrary<String> zhWhen = Arbitraries.of("几点上班", "什么时候上班", "周末上班吗", "晚上有人值班吗", "服务时间是几点到几点",
                "多久能回复", "怎么才能找到", "用哪个指令呼叫");
        Arbitrary<String> zh = Combinators.combine(zhWho, zhWhen).as((w, q) -> q.startsWith("怎么") || q.startsWith("用")
                ? q + w : w + q);
        // not the strong phrases ("转人工", "a real person"): those hand off even inside a how-question, the
        // shortest way to what the user is after
        Arbitrary<String> enWho = Arbitraries.of("a human", "an agent", "someone", "customer service", "your staff");
        Arbitrary<String> enHow = Arbitraries.of("how do I reach %s?", "when can I talk to %s", "what time can I reach %s",
                "which command gets me %s", "how long until %s answers", "is %s available at night");
        Arbitrary<String> en = Combinators.combine(enHow, enWho).as(String::formatted);
        return Arbitraries.oneOf(zh, en);
    }

    @Property
    void aRequestForAPersonIsRecognisedInAnyPoliteWrapping(@ForAll("chineseRequests") String q) {
        assertTrue(HandoffDetector.asksForPerson(q), q);
    }

    @Provide
    Arbitrary<String> chineseRequests() {
        Arbitrary<String> before = Arbitraries.of("", "你好，", "麻烦", "请", "我要", "能不能", "帮我", "快点", "hi ");
        Arbitrary<String> verb = Arbitraries.of("转", "找", "要", "接", "联系", "转接", "呼叫");
        Arbitrary<String> filler = Arbitraries.of("", "个", "一下", "你们的", "一位");
        Arbitrary<String> person = Arbitraries.of("人工", "客服", "工作人员", "接线员", "话务员", "人工坐席");
        Arbitrary<String> after = Arbitraries.of("", "。", "！！", "，谢谢", "吧", " 急", "？");
        return Combinators.combine(before, verb, filler, person, after).as((a, b, c, d, e) -> a + b + c + d + e);
    }

    @Property
    void anEnglishRequestIsRecognisedInAnyPoliteWrapping(@ForAll("englishRequests") String q) {
        assertTrue(HandoffDetector.asksForPerson(q), q);
    }

    @Provide
    Arbitrary<String> englishRequests() {
        Arbitrary<String> before = Arbitraries.of("", "Hi, ", "please ", "can I ", "I want to ", "I'd like to ", "ok just ");
        Arbitrary<String> verb = Arbitraries.of("talk to", "speak to", "speak with", "chat with", "get me", "Talk To");
        Arbitrary<String> who = Arbitraries.of("a human", "an agent", "someone", "a real person", "an operator",
                "your supervisor", "a representative", "customer service", "a staff member", "somebody");
        Arbitrary<String> after = Arbitraries.of("", ".", "!!", " please", " now", "?", ", thanks");
        return Combinators.combine(before, verb, who, after).as((a, b, c, d) -> a + b + "  " + c + d);
    }

    /**
     * The calibration split is the half that may be studied: every request for a person in it is recognised, and
     * none of its answerable questions is taken for one (out-of-scope ones may be: both decline).
     */
    @Test
    void theCalibrationSplitIsReadAsLabelled() {
        List<EvalSet.Question> questions = EvalSet.questions(Path.of("knowledge/eval")).stream()
                .filter(EvalSet.Question::calibration).toList();
        List<String> wrong = questions.stream().filter(q -> !q.outOfScope() && q.person() != HandoffDetector.asksForPerson(q.q()))
                .map(q -> (q.person() ? "missed: " : "caught by mistake: ") + q.q()).toList();
        assertEquals(List.of(), wrong);
    }
}
