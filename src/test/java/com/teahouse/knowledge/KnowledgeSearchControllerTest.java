package com.teahouse.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The published contract of GET /api/knowledge/search. */
class KnowledgeSearchControllerTest {

    @TempDir
    Path dir;

    PolicyDigest digest;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        DigestFixture.write(dir);
        DigestFixture.write(dir.resolve("ranking.yaml"), DigestFixture.RANKING);
        digest = new PolicyDigest(dir, new SimpleMeterRegistry(), null);
        mvc = MockMvcBuilders.standaloneSetup(new KnowledgeSearchController(digest)).build();
    }

    @AfterEach
    void tearDown() {
        digest.close();
    }

    @Test
    void contract() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "大企业拖欠账款多久要付").param("lang", "zh")
                        .param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query", is("大企业拖欠账款多久要付")))
                .andExpect(jsonPath("$.answered", is(true)))
                .andExpect(jsonPath("$.results", hasSize(2)))
                .andExpect(jsonPath("$.results[0].id", is("payment-term-60-days")))
                .andExpect(jsonPath("$.results[0].title", is("大型企业付款期限最长60日")))
                .andExpect(jsonPath("$.results[0].score").isNumber())
                .andExpect(jsonPath("$.results[0].citations[0].document", is("保障中小企业款项支付条例")))
                .andExpect(jsonPath("$.results[0].citations[0].article", is(9)))
                .andExpect(jsonPath("$.results[0].answer", containsString("60日内")))
                .andExpect(jsonPath("$.results[0].detail").doesNotExist())
                .andExpect(jsonPath("$.*", hasSize(3)))
                .andExpect(jsonPath("$.results[0].*", hasSize(5)));
    }

    @Test
    void englishAndDeclined() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "deposit not refunded after warranty").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].title", containsString("Deposits")));
        mvc.perform(get("/api/knowledge/search").param("q", "转人工").param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered", is(false)));
        mvc.perform(get("/api/knowledge/search").param("q", "title:* AND \"(").param("lang", "zh"))
                .andExpect(status().isOk());
    }

    @Test
    void limitIsClamped() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "保证金").param("limit", "0"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results", hasSize(1)));
        mvc.perform(get("/api/knowledge/search").param("q", "保证金 付款 中介").param("limit", "500"))
                .andExpect(status().isOk());
    }

    @Test
    void badParameters() throws Exception {
        mvc.perform(get("/api/knowledge/search"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("'q'")));
        mvc.perform(get("/api/knowledge/search").param("q", " "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("empty")));
        mvc.perform(get("/api/knowledge/search").param("q", "x").param("lang", "fr"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("lang")));
        mvc.perform(get("/api/knowledge/search").param("q", "x").param("limit", "many"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("integer")));
    }

    @Test
    void explainGivesFeaturesProbabilityAndDecision() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "大企业拖欠账款多久要付").param("explain", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered", is(true)))
                .andExpect(jsonPath("$.decline", is("NONE")))
                .andExpect(jsonPath("$.answerThreshold").isNumber())
                .andExpect(jsonPath("$.results[0].id", is("payment-term-60-days")))
                .andExpect(jsonPath("$.results[0].decision", is("answer")))
                .andExpect(jsonPath("$.results[0].probability").isNumber())
                .andExpect(jsonPath("$.results[0].features.log_score").isNumber())
                .andExpect(jsonPath("$.results[0].features.coverage").isNumber())
                .andExpect(jsonPath("$.results[0].features.lead").isNumber())
                .andExpect(jsonPath("$.results[0].features.rank_p").isNumber())
                .andExpect(jsonPath("$.results[0].ranking.coverage").isNumber())
                .andExpect(jsonPath("$.results[1].decision", is("decline")));
        mvc.perform(get("/api/knowledge/search").param("q", "x").param("explain", "maybe"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("true or false")));
    }
}
