package com.teahouse.policy.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.teahouse.limits.BodyCapFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies on {@code /policy/api/**} (the public {@code /api/**} has its own, smaller cap); the 413 is
 * in the editor's problem shape, so the page shows it at line 1.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyBodyLimit extends BodyCapFilter {

    private final ObjectMapper json;

    PolicyBodyLimit(PolicyProperties props, ObjectMapper json) {
        super("/policy/api/", props.maxBodyBytes());
        this.json = json;
    }

    @Override
    protected void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json.writeValue(response.getOutputStream(), Map.of("error", "request body over " + max() + " bytes",
                "problems", List.of(Map.of("line", 1, "severity", "error",
                        "message", "the text is larger than " + (max() / 1024) + " KB; an entry must be short"))));
    }
}
