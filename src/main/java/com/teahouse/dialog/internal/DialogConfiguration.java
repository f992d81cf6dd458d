package com.teahouse.dialog.internal;

import com.teahouse.cases.CaseDesk;
import com.teahouse.channel.OfficeChats;
import com.teahouse.texts.DialogsDir;
import com.teahouse.dialog.internal.engine.FlowMachine;
import com.teahouse.dialog.internal.engine.RememberedFlows;
import com.teahouse.dialog.internal.engine.StatemachineFlows;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.messaging.CommandMenu;
import com.teahouse.texts.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conversation: dialog files loaded and checked at start-up (a broken file stops the app with the
 * report), the state machines built from them, and the handler. The knowledge and case modules are optional
 * here: a {@link PolicyLookup} bean replaces {@link UnansweredPolicyLookup}, and without a {@link CaseDesk}
 * the case actions apologise instead of failing start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DialogProperties.class)
class DialogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DialogConfiguration.class);

    @Bean
    DialogFiles dialogFiles(DialogsDir dialogs) {
        DialogFiles files = DialogFiles.load(Path.of(dialogs.dir()));
        log.info("Dialog files in {}: {} flows", dialogs.dir(), files.flows().size());
        return files;
    }

    @Bean
    FlowMachine flowMachine(DialogFiles files, DialogProperties properties) {
        boolean perStep = properties.machinePerStep();
        StatemachineFlows machines = new StatemachineFlows(files);
        // the design asks for a machine restored per step; remembered answers remain as an opt-out
        log.info("State machines built: {} µs per flow on average; {}", Math.round(machines.costs().microsPerBuild()),
                perStep ? "restored and fired on every step" : "answers remembered after the first firing");
        return perStep ? machines : new RememberedFlows(machines);
    }

    @Bean
    HotlineDialog hotlineDialog(DialogFiles files, FlowMachine machine, Texts texts,
            ObjectProvider<PolicyLookup> policies, ObjectProvider<CaseDesk> cases, ObjectProvider<Clock> clock,
            DialogProperties properties, ObjectProvider<OfficeChats> office,
            ApplicationEventPublisher events) {
        Prompts prompts = new Prompts(files.catalogues());
        Supplier<PolicyLookup> policy = () -> policies.getIfUnique(UnansweredPolicyLookup::new);
        Supplier<CaseDesk> desk = () -> {
            CaseDesk d = cases.getIfUnique();
            if (d == null) {
                throw new IllegalStateException("no case desk in this build");
            }
            return d;
        };
        return new HotlineDialog(files, new FlowRunner(files, machine, prompts), prompts, texts, policy, desk,
                clock.getIfUnique(Clock::systemUTC), office.getIfAvailable(() -> OfficeChats.NONE).staffForum().orElse(null), properties.followUpTurns(),
                events::publishEvent);
    }

    @Bean
    CommandMenu dialogCommandMenu(HotlineDialog dialog) {
        return dialog.commands();
    }
}
