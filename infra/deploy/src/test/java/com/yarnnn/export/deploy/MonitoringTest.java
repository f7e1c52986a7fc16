package com.yarnnn.export.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard read only meters the deployables expose, with the label values and consumer
 * groups the code uses; the PrometheusRule carries the plain rules file; promtool accepts the rules and their unit
 * tests pass, where promtool is installed.
 */
class MonitoringTest {

    private static final PipelineFacts FACTS = PipelineFacts.load();
    private static final Path MONITORING = FACTS.root().resolve("infra/deploy/monitoring");
    private static final Path RULES = MONITORING.resolve("alert-rules.yaml");
    private static final Pattern CLIENT_ID = Pattern.compile("client_id=~\"([^\"]+)\"");

    @Test
    void thePrometheusRuleCarriesThePlainRules() {
        JsonNode plain = StrictYaml.documents(RULES).get(0).path("groups");
        JsonNode operator = StrictYaml.documents(FACTS.root().resolve("infra/deploy/kubernetes/base/monitoring.yaml"))
                .stream().filter(document -> document.path("kind").asText().equals("PrometheusRule")).findFirst()
                .orElseThrow().path("spec").path("groups");

        assertThat(operator).isEqualTo(plain);
    }

    @Test
    void rulesAndDashboardReadWhatTheCodeExposes() throws IOException {
        List<String> expressions = new ArrayList<>(ruleExpressions());
        expressions.addAll(dashboardExpressions());

        assertThat(problems(expressions, ExposedMetrics.of(FACTS.root()))).isEmpty();
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("yarnnn_export_dead_lettered_total"))
                .anySatisfy(e -> assertThat(e).contains(ExposedMetrics.CONSUMER_LAG))
                .anySatisfy(e -> assertThat(e).contains("resilience4j_circuitbreaker_state"));
    }

    @Test
    void aMetricOrLabelValueThatDriftsIsReported() {
        Set<String> exposed = ExposedMetrics.of(FACTS.root());
        String rule = ruleExpressions().stream().filter(e -> e.contains("yarnnn_export_outcomes_total")).findFirst()
                .orElseThrow();

        assertThat(problems(List.of(rule.replace("yarnnn_export_outcomes_total", "yarnnn_export_outcome_total")), exposed))
                .anySatisfy(problem -> assertThat(problem).contains("yarnnn_export_outcome_total"));
        assertThat(problems(List.of(rule.replace("DEAD_LETTERED", "DEADLETTERED")), exposed))
                .anySatisfy(problem -> assertThat(problem).contains("DEADLETTERED"));
        assertThat(problems(List.of(ruleExpressions().get(0).replace("export-worker", "export-workers")), exposed))
                .anySatisfy(problem -> assertThat(problem).contains("selects no consumer group"));
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assumeTrue(ManifestsTest.onPath("promtool"),
                "promtool is not on the PATH (Debian: apt-get install prometheus): the rules were only read and checked");

        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
        assertThat(promtool("test", "rules", MONITORING.resolve("alert-rules-test.yaml").toString())).contains("SUCCESS");
    }

    /** Unknown metrics, status values no export takes, consumer groups the code does not name. */
    private static List<String> problems(List<String> expressions, Set<String> exposed) {
        Set<String> states = Set.copyOf(Arrays.stream(ExportState.values()).map(Enum::name).toList());
        // Kafka names a consumer without a client id of its own consumer-<group>-<n>
        List<String> clients = new ArrayList<>(List.of("consumer-" + Topics.PROJECTOR_GROUP + "-1"));
        FACTS.providers().forEach(provider -> {
            clients.add("consumer-" + Topics.workerGroup(provider) + "-1");
            clients.add("consumer-" + Topics.retryGroup(provider) + "-1");
        });
        List<String> problems = new ArrayList<>();
        for (String expression : expressions) {
            PromQl.metricNames(expression).stream().filter(name -> !exposed.contains(name))
                    .forEach(name -> problems.add(name + " is no meter the deployables expose: " + expression));
            PromQl.labelValues(expression, "status").stream().filter(value -> !states.contains(value))
                    .forEach(value -> problems.add("status " + value + " is no export state: " + expression));
            Matcher clientId = CLIENT_ID.matcher(expression);
            while (clientId.find()) {
                Pattern selected = Pattern.compile(clientId.group(1).replace("\\\\", "\\"));
                if (clients.stream().noneMatch(client -> selected.matcher(client).matches())) {
                    problems.add("client_id=~\"" + clientId.group(1) + "\" selects no consumer group of the code's: "
                            + expression);
                }
            }
            if (expression.contains("yarnnn_mcp_sessions_live") && !expression.contains("/ "
                    + FACTS.apiEdge().getProperty("yarnnn.mcp.pool.max-sessions"))) {
                problems.add("the pool's share is not taken of yarnnn.mcp.pool.max-sessions: " + expression);
            }
        }
        return problems;
    }

    private static List<String> ruleExpressions() {
        List<String> expressions = new ArrayList<>();
        StrictYaml.documents(RULES).get(0).path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> expressions.add(rule.path("expr").asText())));
        return expressions;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(dashboard.path("panels").size());
        return expressions;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
