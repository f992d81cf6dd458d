package com.teahouse.policy;

/** Entries for the policy-office tests: a question the shipped digest cannot answer, and its new entry. */
final class PolicyEntries {

    static final String ID = "drone-filming-permit";
    static final String QUESTION = "无人机航拍需要去哪里办飞行许可";

    private PolicyEntries() {
    }

    static String drone(String titleZh, String articles, String extraFrontMatter) {
        return "---\n"
                + "id: " + ID + "\n"
                + "title:\n  zh: \"" + titleZh + "\"\n  en: \"Permits for filming with drones\"\n"
                + "questions:\n  zh:\n    - \"" + QUESTION + "\"\n    - \"无人机航拍许可怎么申请\"\n"
                + "  en:\n    - \"where do I get a drone filming permit\"\n"
                + "sources:\n  - document: 优化营商环境条例\n    articles: [" + articles + "]\n"
                + "effective: 2020-01-01\n" + extraFrontMatter
                + "department: 市政务服务中心\n"
                + "tags: [无人机, 航拍, drone]\n"
                + "---\n"
                + "## zh\n无人机航拍飞行许可可在政务服务中心一窗受理，材料齐全的当场受理。\n\n"
                + "## zh-detail\n申请人携带身份证明和飞行计划到政务服务中心综合窗口提交。\n\n"
                + "## en\nDrone filming permits are taken at one window of the government service centre.\n\n"
                + "## en-detail\nBring proof of identity and the flight plan to the centre's general window.\n";
    }

    static String drone() {
        return drone("无人机航拍飞行许可", "35", "");
    }
}
