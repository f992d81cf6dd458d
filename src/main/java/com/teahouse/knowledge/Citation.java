package com.teahouse.knowledge;

import java.time.LocalDate;

/**
 * A cited article of a source document; always shown as 《document》第N条. {@code documentEn} is the
 * document's English name ("" when unknown) and {@code effective} the date the cited version took effect
 * (null when unknown): an answer citing two documents shows both dates.
 */
public record Citation(String document, int article, String documentEn, LocalDate effective) {

    /** The citation as the chat shows it, in both languages: 《优化营商环境条例》第43条. */
    public String formatted() {
        return "《" + document + "》第" + article + "条";
    }
}
