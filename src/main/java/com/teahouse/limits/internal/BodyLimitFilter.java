package com.teahouse.limits.internal;

import java.io.IOException;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.limits.BodyCapFilter;
import com.teahouse.limits.LimitsProperties;
import com.teahouse.texts.Texts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Caps request bodies on the public {@code /api/**}; the 413 says so in the asker's language. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends BodyCapFilter {

    private final Texts texts;
    private final ObjectMapper json;

    BodyLimitFilter(LimitsProperties props, Texts texts, ObjectMapper json) {
        super("/api/", props.maxBodyBytes());
        this.texts = texts;
        this.json = json;
    }

    @Override
    protected void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = texts.languageFor(request.getHeader("Accept-Language"));
        json.writeValue(response.getOutputStream(),
                Map.of("ok", false, "error", texts.plain("limits.tooLarge", language)));
    }
}
