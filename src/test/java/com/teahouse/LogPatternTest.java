package com.teahouse;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * F22: CR/LF in user input must not forge log lines. The console and file patterns of application.yml are laid out
 * with a message and an exception that both carry a forged line (as DeclineRoute.valueOf's message once did);
 * every line the entry prints after its first must start with whitespace, so the forged text never looks like an
 * entry of its own.
 */
class LogPatternTest {

    static final String FORGED = "2026-12-02T10:00:00.000+08:00  INFO [main] com.teahouse.App : FAKE LOG LINE";

    @ParameterizedTest
    @ValueSource(strings = {"logging.pattern.console", "logging.pattern.file"})
    void crAndLfFromInputCannotStartALine(String property) {
        String pattern = pattern(property);
        assertThat(pattern).as(property).isNotBlank();
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();

        LoggingEvent event = new LoggingEvent(LogPatternTest.class.getName(), context.getLogger("com.teahouse.x"),
                Level.ERROR, "route {}", new IllegalArgumentException("No enum constant x\r\n" + FORGED),
                new Object[] {"court\r\n" + FORGED});
        String out = layout.doLayout(event);

        List<String> lines = Arrays.asList(out.split("\r\n|\r|\n"));
        assertThat(lines.get(0)).contains("route court\\r\\n" + FORGED);
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("\\s.*"));
        assertThat(out).as("the stack trace is printed once").containsOnlyOnce("IllegalArgumentException");
        assertThat(out).contains("\tat com.teahouse.LogPatternTest");
    }

    private static String pattern(String property) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties p = yaml.getObject();
        return p == null ? null : p.getProperty(property);
    }
}
