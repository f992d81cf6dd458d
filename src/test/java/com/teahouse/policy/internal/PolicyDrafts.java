package com.teahouse.policy.internal;

/** Draft entries the policy tests lay over the published digest. */
final class PolicyDrafts {

    static final String QUESTION = "开一家奶茶店需要办哪些证照";
    static final String ID = "milk-tea-shop-licences";

    private PolicyDrafts() {
    }

    /** A valid new entry whose sample questions are the milk tea shop question. */
    static String milkTea() {
        return """
                ---
                id: milk-tea-shop-licences
                title:
                  zh: "开奶茶店需要办理的证照"
                  en: "Licences for opening a milk tea shop"
                questions:
                  zh:
                    - "开一家奶茶店需要办哪些证照"
                    - "奶茶店要办什么证"
                    - "开饮品店需要什么许可证"
                  en:
                    - "what licences does a milk tea shop need"
                sources:
                  - document: 优化营商环境条例
                    articles: [19]
                effective: 2020-01-01
                department: 市市场监管局
                tags: [奶茶店, 证照, 食品经营许可]
                ---
                ## zh
                开奶茶店先办营业执照，再办食品经营许可证；可在政务服务网“一网通办”一次提交。

                ## zh-detail
                《优化营商环境条例》第十九条要求推行“一网通办”，营业执照和食品经营许可可一次申请、并联办理。

                ## en
                Get a business licence first, then a food business permit; both can be applied for online at once.

                ## en-detail
                Article 19 of the national regulation asks for one-stop online services, so both can be applied for together.
                """;
    }
}
