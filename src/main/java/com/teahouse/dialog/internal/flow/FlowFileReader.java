package com.teahouse.dialog.internal.flow;

import com.teahouse.dialog.internal.flow.FlowSpec.ButtonSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.InputSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.Option;
import com.teahouse.dialog.internal.flow.FlowSpec.StateSpec;
import com.teahouse.dialog.internal.flow.FlowSpec.SummaryItem;
import com.teahouse.dialog.internal.flow.FlowSpec.TransitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one file of dialogs/flows into a {@link FlowSpec}; shape problems go to {@link Problems} with lines. */
final class FlowFileReader {

    private static final Set<String> FLOW_KEYS = Set.of("flow", "command", "describe", "nav", "draft", "start",
            "states");
    private static final Set<String> STATE_KEYS = Set.of("say", "input", "buttons", "on", "do", "then", "summary");
    private static final Set<String> INPUT_KEYS = Set.of("type", "into", "min", "max", "pattern", "from", "options",
            "attachments", "invalid");
    private static final Set<String> TRANSITION_KEYS = Set.of("to", "flow", "carry", "quiet", "return");
    static final Set<String> INPUT_TYPES = Set.of("text", "regex", "choice", "credit-code", "phone");

    private final YamlNodes y;

    private FlowFileReader(YamlNodes nodes) {
        this.y = nodes;
    }

    static FlowSpec read(Path path, String file, Problems problems) {
        YamlNodes nodes = new YamlNodes(file, problems);
        Node root = nodes.read(path);
        return root == null ? null : new FlowFileReader(nodes).flow(root);
    }

    private FlowSpec flow(Node root) {
        Map<String, Node> top = y.map(root, "the flow file", FLOW_KEYS);
        String id = y.text(top.get("flow"), "flow");
        if (id == null) {
            y.problem(root, "the file does not name its flow (flow: <id>)");
            return null;
        }
        Map<String, StateSpec> states = new LinkedHashMap<>();
        Node statesNode = top.get("states");
        if (statesNode == null) {
            y.problem(root, "flow '" + id + "' has no states");
        } else {
            y.map(statesNode, "states", null).forEach((sid, node) -> states.put(sid, state(sid, node)));
        }
        Node start = top.get("start");
        boolean nav = !top.containsKey("nav") || y.flag(top.get("nav"), "nav");
        return new FlowSpec(id, y.file(), YamlNodes.line(top.get("flow")), y.text(top.get("command"), "command"),
                y.text(top.get("describe"), "describe"), nav, y.flag(top.get("draft"), "draft"),
                y.text(start, "start"), YamlNodes.line(start == null ? root : start), states);
    }

    private StateSpec state(String id, Node node) {
        Map<String, Node> m = node instanceof ScalarNode s && s.getValue().isEmpty() ? Map.of()
                : y.map(node, "state '" + id + "'", STATE_KEYS);
        Map<String, TransitionSpec> on = new LinkedHashMap<>();
        if (m.containsKey("on")) {
            y.map(m.get("on"), "on: of state '" + id + "'", null).forEach((event, t) -> on.put(event,
                    transition(event, t)));
        }
        TransitionSpec then = m.containsKey("then") ? transition(FlowSpec.THEN, m.get("then")) : null;
        return new StateSpec(id, y.at(node), y.text(m.get("say"), "say"),
                m.containsKey("input") ? input(m.get("input")) : null, buttons(m.get("buttons")), on,
                y.text(m.get("do"), "do"), then, summary(m.get("summary")));
    }

    private TransitionSpec transition(String event, Node node) {
        if (node instanceof ScalarNode s) {
            return new TransitionSpec(event, s.getValue(), null, false, false, null, YamlNodes.line(node));
        }
        Map<String, Node> m = y.map(node, "transition '" + event + "'", TRANSITION_KEYS);
        String to = y.text(m.get("to"), "to");
        String flow = y.text(m.get("flow"), "flow");
        if ((to == null) == (flow == null)) {
            y.problem(node, "transition '" + event + "' must name exactly one of to: <state> or flow: <flow>");
        }
        return new TransitionSpec(event, to, flow, y.flag(m.get("carry"), "carry"), y.flag(m.get("quiet"), "quiet"),
                y.text(m.get("return"), "return"), YamlNodes.line(node));
    }

    private InputSpec input(Node node) {
        Map<String, Node> m = y.map(node, "input", INPUT_KEYS);
        String type = y.text(m.get("type"), "type");
        if (type == null || !INPUT_TYPES.contains(type)) {
            y.problem(node, "input type must be one of " + INPUT_TYPES + ", not '" + type + "'");
        }
        if (!m.containsKey("into")) {
            y.problem(node, "input needs into: <field> to say where the answer is kept");
        }
        List<Option> options = new ArrayList<>();
        if (m.containsKey("options")) {
            for (Node o : y.list(m.get("options"), "options")) {
                Map<String, Node> om = y.map(o, "option", Set.of("value", "label"));
                options.add(new Option(y.text(om.get("value"), "value"), y.text(om.get("label"), "label"),
                        YamlNodes.line(o)));
            }
        }
        String pattern = y.text(m.get("pattern"), "pattern");
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                y.problem(m.get("pattern"), "pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        return new InputSpec(YamlNodes.line(node), type, y.text(m.get("into"), "into"), y.number(m.get("min"), "min"),
                y.number(m.get("max"), "max"), pattern, y.text(m.get("from"), "from"), options,
                y.flag(m.get("attachments"), "attachments"), y.text(m.get("invalid"), "invalid"));
    }

    private List<List<ButtonSpec>> buttons(Node node) {
        List<List<ButtonSpec>> rows = new ArrayList<>();
        if (node == null) {
            return rows;
        }
        for (Node row : y.list(node, "buttons")) {
            List<ButtonSpec> buttons = new ArrayList<>();
            for (Node b : row instanceof MappingNode ? List.of(row) : y.list(row, "a row of buttons")) {
                Map<String, Node> bm = y.map(b, "button", Set.of("label", "event", "share-contact"));
                boolean share = y.flag(bm.get("share-contact"), "share-contact");
                String event = y.text(bm.get("event"), "event");
                if (event == null && !share) {
                    y.problem(b, "a button needs event: <name> (or share-contact: true)");
                }
                buttons.add(new ButtonSpec(y.text(bm.get("label"), "label"), event, share, YamlNodes.line(b)));
            }
            rows.add(buttons);
        }
        return rows;
    }

    private List<SummaryItem> summary(Node node) {
        List<SummaryItem> items = new ArrayList<>();
        if (node != null) {
            for (Node item : y.list(node, "summary")) {
                Map<String, Node> m = y.map(item, "summary line", Set.of("field", "label"));
                items.add(new SummaryItem(y.text(m.get("field"), "field"), y.text(m.get("label"), "label"),
                        YamlNodes.line(item)));
            }
        }
        return items;
    }
}
