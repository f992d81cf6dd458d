package com.teahouse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Teahouse, the enterprise hotline on chat. Without arguments it runs the hotline; with a command
 * ({@code dialogs check}, {@code kb check}) it runs that command and exits, without starting Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class App {

    public static void main(String[] args) {
        var command = Commands.find(args);
        if (command.isPresent()) {
            System.exit(command.get().run(args));
        }
        SpringApplication.run(App.class, args);
    }
}
