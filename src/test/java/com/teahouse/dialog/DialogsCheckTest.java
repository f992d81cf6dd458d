package com.teahouse.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.dialog.internal.DialogFilesFailureAnalyzer;
import com.teahouse.dialog.internal.flow.DialogFiles;
import com.teahouse.dialog.internal.flow.DialogFilesBroken;
import com.teahouse.dialog.internal.flow.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.util.FileSystemUtils;

/** Each kind of broken dialog file is reported with its file, its line and what is wrong. */
class DialogsCheckTest {

    @TempDir
    Path dir;

    private String breakFile(String file, String from, String to) throws IOException {
        FileSystemUtils.copyRecursively(Path.of("dialogs"), dir);
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
        Problems problems = new Problems();
        DialogFiles.read(dir, problems);
        return problems.report();
    }

    @Test
    void theShippedFilesAreFine() {
        assertThat(DialogsCheck.run(new String[] {"dialogs", "check", "dialogs"})).isZero();
    }

    @Test
    void unknownStateAsStart() throws IOException {
        assertThat(breakFile("flows/ask.yaml", "start: question", "start: questoin"))
                .contains("flows/ask.yaml:5: unknown state: start 'questoin'");
    }

    @Test
    void transitionToNowhere() throws IOException {
        assertThat(breakFile("flows/complaint.yaml", "on: {valid: district}", "on: {valid: distrct}"))
                .contains("flows/complaint.yaml:30: transition to nowhere: unknown state 'distrct'");
    }

    @Test
    void unreachableState() throws IOException {
        assertThat(breakFile("flows/ask.yaml", "      yes: thanks\n", "      yes: not_helped\n"))
                .contains("flows/ask.yaml:37: unreachable state 'thanks'");
    }

    @Test
    void anActionsEventWithoutARoute() throws IOException {
        assertThat(breakFile("flows/ask.yaml", "      offered: offered\n", ""))
                .contains("flows/ask.yaml:12: transition to nowhere: action 'policy-answer' of state 'answer' may "
                        + "say 'offered', which it has no on: for");
    }

    @Test
    void didYouMeanLandsWhereAPressedEntryIsNotRouted() throws IOException {
        assertThat(breakFile("flows/ask.yaml", "      picked: helped\n", ""))
                .contains("flows/ask.yaml:16: state 'offered' shows the entries offered (\"did you mean\") but "
                        + "has no on: picked");
    }

    @Test
    void noFlowForAPerson() throws IOException {
        assertThat(breakFile("flows/human.yaml", "flow: human", "flow: person"))
                .contains("there is no flow 'human': a request for a person is handed to it");
    }

    @Test
    void theEngineNeedsTheDidYouMeanText() throws IOException {
        assertThat(breakFile("texts/answers.yaml", "answers.did_you_mean:", "answers.did_you_mean_:"))
                .contains("unknown text key 'answers.did_you_mean': the engine needs it");
    }

    @Test
    void missingTranslation() throws IOException {
        assertThat(breakFile("texts/dialog.yaml", "  en: Talk to a person\ncommon.yes:", "common.yes:"))
                .contains("texts/dialog.yaml:8: missing translation: text 'menu.human' has no en");
    }

    @Test
    void duplicateId() throws IOException {
        assertThat(breakFile("flows/help.yaml", "  show:\n", "  show:\n    say: help.text\n    then: {flow: menu}\n  show:\n"))
                .contains("flows/help.yaml:10: duplicate id 'show' in states (first on line 7)");
    }

    @Test
    void unknownTextKey() throws IOException {
        assertThat(breakFile("flows/help.yaml", "say: help.text", "say: help.txt"))
                .contains("flows/help.yaml:7: unknown text key 'help.txt'");
    }

    @Test
    void brokenYaml() throws IOException {
        assertThat(breakFile("flows/status.yaml", "    on: {done:", "    on: [done:"))
                .contains("flows/status.yaml:9: broken YAML");
    }

    @Test
    void aBrokenFileStopsStartUpWithTheReportNotAStackTrace() throws IOException {
        breakFile("flows/help.yaml", "say: help.text", "say: help.txt");
        DialogFilesBroken broken = null;
        try {
            DialogFiles.load(dir);
        } catch (DialogFilesBroken e) {
            broken = e;
        }
        assertThat(broken).isNotNull();
        var analysis = new DialogFilesFailureAnalyzer().analyze(new BeanCreationException("dialogFiles", broken));
        assertThat(analysis.getDescription()).contains("flows/help.yaml:7: unknown text key 'help.txt'");
        assertThat(analysis.getCause()).isNull();
        assertThat(DialogsCheck.run(new String[] {"dialogs", "check", dir.toString()})).isEqualTo(1);
    }

    @Test
    void theCommandIsHookedIntoTheJar() throws Exception {
        var find = Class.forName("com.teahouse.Commands").getDeclaredMethod("find", String[].class);
        find.setAccessible(true);
        assertThat(((java.util.Optional<?>) find.invoke(null, (Object) new String[] {"dialogs", "check"})))
                .isPresent();
        try (Stream<Path> flows = Files.list(Path.of("dialogs/flows"))) {
            assertThat(flows.count()).isGreaterThanOrEqualTo(8);
        }
    }
}
