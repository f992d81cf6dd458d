package com.teahouse.knowledge;

/** A cited article of a source document; always shown as 《document》第N条. */
public record Citation(String document, int article) {

    /** The citation as the chat shows it, in both languages: 《优化营商环境条例》第43条. */
    public String formatted() {
        return "《" + document + "》第" + article + "条";
    }
}
