package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The web page in headless Chromium against the whole local stack (api-edge serving the page, export-consumer, the
 * real MCP servers, local fakes of Slack's OAuth and Web API): connect in a popup, export and watch the status live,
 * a failure's reason and Retry, downloads, history and auto-export, a token for an assistant on the MCP endpoint, the
 * operators' view of dead letters with a batch replay. Each test signs in as a new user.
 */
class WebPageBrowserTest extends VendorStackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AUTHORIZE_PATH = "/slack/oauth/v2/authorize";
    private static final String MCP_INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
            "clientInfo":{"name":"t","version":"1"}}}""";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    static FakeOAuthServer oauth;
    static ChromeDriver browser;
    static String baseUrl;

    @BeforeAll
    static void start() throws IOException {
        oauth = FakeOAuthServer.start();
        oauth.answer(AUTHORIZE_PATH, request -> new FakeOAuthServer.Response(200, "text/html; charset=utf-8",
                resource("/fake-vendor-consent.html")));
        // the vendor sends the browser back to this server's public URL, so its port is chosen before it starts
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        Map<String, Object> properties = new HashMap<>(OAuthTestApps.properties(oauth));
        properties.put("spring.security.oauth2.client.provider.slack.authorization-uri", oauth.url(AUTHORIZE_PATH));
        properties.put("server.port", String.valueOf(port));
        properties.put("yarnnn.public-base-url", baseUrl);
        properties.put("yarnnn.dev.enabled", "true");
        // exports that keep failing are dead-lettered within seconds, and no breaker holds them back before that
        properties.put("yarnnn.delivery.retry-delays", "200ms,200ms");
        properties.put("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", "1000");
        properties.put("resilience4j.circuitbreaker.configs.connection.minimum-number-of-calls", "1000");
        startStackWithFakes(properties);
        fakes.slack.channels(12, "team");
        browser = CHROMIUM.driver();
    }

    @AfterAll
    static void stopOAuth() {
        oauth.close();
    }

    @Test
    void connectsSlackInAPopupAndDisconnectsAfterConfirming() {
        signIn(UUID.randomUUID());
        open("/settings/integrations");
        assertThat(waitForText(card("slack"), "Not connected")).isTrue();

        String settings = browser.getWindowHandle();
        click(card("slack"), "Connect Slack");
        inPopup(() -> click(By.id("deny")));
        WebElement refusal = visible(By.cssSelector(".notice.error"));
        assertThat(refusal.getText()).isEqualTo("You did not allow access to Slack, so nothing was connected");

        oauth.answer(OAuthTestApps.SLACK_TOKEN_PATH, request -> FakeOAuthServer.Response.json("""
                {"ok":true,"access_token":"%s","token_type":"bot","scope":"chat:write,channels:read,groups:read",
                 "bot_user_id":"U0BOT","app_id":"A0APP","team":{"name":"Acme","id":"T0E2ETEAM"}}
                """.formatted(VendorFakes.SLACK_TOKEN)));
        click(card("slack"), "Connect Slack");
        inPopup(() -> click(By.id("allow")));

        assertThat(browser.getWindowHandle()).isEqualTo(settings);
        assertThat(waitForText(card("slack"), "Connected as Acme")).isTrue();
        assertThat(visible(By.cssSelector(".notice.success")).getText()).isEqualTo("Connected Slack.");
        await().atMost(PATIENCE).until(() -> "Disconnect".equals(browser.switchTo().activeElement().getText()));
        FakeOAuthServer.Request exchange = oauth.requests(OAuthTestApps.SLACK_TOKEN_PATH).get(0);
        assertThat(exchange.form()).containsEntry("code", "consent-code-7d1e")
                .containsEntry("redirect_uri", baseUrl + "/api/integrations/slack/oauth/callback");

        click(card("slack"), "Disconnect");
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        assertThat(dialog.getText()).contains("Disconnect Slack?");
        click(dialog, "Disconnect");

        assertThat(waitForText(card("slack"), "Not connected")).isTrue();
        assertThat(visible(By.cssSelector(".notice.info")).getText()).isEqualTo("Disconnected Slack (Acme).");
        assertThat(oauth.requests(OAuthTestApps.SLACK_REVOKE_PATH)).hasSize(1);
    }

    @Test
    void exportsToAFolderAndShowsTheDeliveredFileLiveAndInTheHistory() throws IOException {
        signIn(UUID.randomUUID());

        click(providerButton("folder"));
        type(By.cssSelector("#export-form input"), "web/reports");
        click(By.cssSelector("#export-form button[type=submit]"));

        WebElement delivered = visible(By.cssSelector(".runs li[data-provider=folder] [data-status=SUCCEEDED] a"));
        assertThat(delivered.getText()).contains("Open the file");
        Path file = Path.of(URI.create(delivered.getAttribute("href")));
        assertThat(file.getParent()).isEqualTo(exports.resolve("web/reports"));
        assertThat(Files.readString(file)).contains("# Weekly revenue report").contains("Revenue **up 12%**");
        assertThat(browser.findElement(providerButton("folder")).getText()).contains("delivered");
        WebElement row = historyRow("SUCCEEDED");
        assertThat(row.getText()).contains("Folder · web/reports").contains("Delivered");
    }

    @Test
    void aFailedExportShowsTheReasonAndRetryDeliversIt() {
        UUID user = UUID.randomUUID();
        fakes.connect(stack.edge().getBean(ConnectionStore.class), user);
        signIn(user);
        fakes.slack.answerNextWithError("chat.postMessage", "channel_not_found");

        click(providerButton("slack"));
        WebElement search = visible(By.cssSelector("#export-form input[role=combobox]"));
        CHROMIUM.waitUpTo(PATIENCE).until(d -> options().size() == 12);
        search.sendKeys("0007");
        assertThat(options()).containsExactly("#team-0007");
        search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        click(By.cssSelector("#export-form button[type=submit]"));

        WebElement failed = visible(By.cssSelector(".runs li[data-provider=slack] [data-status=FAILED]"));
        assertThat(failed.getText()).contains("Failed: The Slack channel was not found");
        assertThat(historyRow("FAILED").getText()).contains("Slack · #team-0007")
                .contains("The Slack channel was not found");
        click(failed, "Retry");

        WebElement delivered = visible(By.cssSelector(".runs li[data-provider=slack] [data-status=SUCCEEDED] a"));
        assertThat(delivered.getText()).contains("Open in Slack");
        assertThat(delivered.getAttribute("href")).startsWith("https://acme.slack.com/archives/C0000000007/p");
        WebElement row = historyRow("SUCCEEDED");
        assertThat(row.findElement(By.cssSelector("td[data-label=Attempts]")).getText()).isEqualTo("2");
        assertThat(fakes.slack.messagesIn("C0000000007")).isEqualTo(1);
    }

    @Test
    void downloadsTheDeliverableAsMarkdown() throws IOException {
        signIn(UUID.randomUUID());

        click(By.xpath("//button[normalize-space()='Download .md']"));

        Path file = CHROMIUM.downloads().resolve("weekly-revenue-report.md");
        await().atMost(PATIENCE).until(() -> Files.exists(file) && Files.size(file) > 0);
        assertThat(Files.readString(file)).startsWith("# Weekly revenue report\n\n## Highlights\n")
                .contains("| New trials | 412 | 365 |");
        assertThat(visible(By.cssSelector(".export-bar > p.hint")).getText())
                .isEqualTo("Downloaded weekly-revenue-report.md.");
    }

    @Test
    void savesAnAutoExportDestinationTogglesItAndAnApprovalExportsToIt() {
        UUID user = UUID.randomUUID();
        signIn(user);
        String deliverable = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        StackClient api = new StackClient(baseUrl, SECRET, user);

        new Select(visible(By.id(labelled("Destination provider")))).selectByVisibleText("Folder");
        type(By.cssSelector(".add-preference input[type=text]"), "auto/weekly");
        click(By.xpath("//button[normalize-space()='Add destination']"));
        WebElement toggle = visible(By.cssSelector(".preference-list input[role=switch]"));
        assertThat(browser.findElement(By.cssSelector(".preference-list li")).getText()).contains("Folder · auto/weekly");
        assertThat(toggle.isSelected()).isTrue();

        toggle.click();
        CHROMIUM.waitUpTo(PATIENCE).until(d -> !toggle.isSelected());
        await().atMost(PATIENCE).until(() -> preference(api, deliverable).path("auto_export").asBoolean(), on -> !on);
        toggle.click();
        CHROMIUM.waitUpTo(PATIENCE).until(d -> toggle.isSelected());
        await().atMost(PATIENCE).until(() -> preference(api, deliverable).path("auto_export").asBoolean());

        click(By.xpath("//button[normalize-space()='Approve a new version']"));
        WebElement row = historyRow("SUCCEEDED");
        assertThat(row.getText()).contains("Folder · auto/weekly").contains("auto");
        assertThat(exports.resolve("auto/weekly")).isDirectoryContaining("glob:**/weekly-revenue-report-*.md");
    }

    @Test
    void createsATokenForAnAssistantThatTheMcpEndpointAccepts() {
        signIn(UUID.randomUUID());
        open("/settings/integrations");
        WebElement section = visible(By.cssSelector("section.assistant"));
        String endpoint = browser.findElement(By.id(labelled("Endpoint URL"))).getDomProperty("value");
        assertThat(endpoint).isEqualTo(baseUrl + "/mcp");
        WebElement claudeCode = browser.findElement(By.id("mcp-claude-code"));
        assertThat(claudeCode.getText()).isEqualTo(
                "claude mcp add --transport http yarnnn " + endpoint + " --header \"Authorization: Bearer <token>\"");

        click(section, "Create a token for your assistant");

        assertThat(waitForText(section, "the token is in both snippets below and expires")).isTrue();
        Matcher bearer = Pattern.compile("--header \"Authorization: Bearer ([\\w.-]+)\"$").matcher(claudeCode.getText());
        assertThat(bearer.find()).as(claudeCode.getText()).isTrue();
        String assistantToken = bearer.group(1);
        assertThat(browser.findElement(By.id("mcp-claude-desktop")).getText())
                .contains("\"" + endpoint + "\"", "\"Authorization: Bearer " + assistantToken + "\"");
        String pageToken = (String) browser.executeScript("return sessionStorage.getItem('yarnnn.token');");
        StackClient assistant = new StackClient(baseUrl, assistantToken);
        assertThat(assistant.mcp(endpoint, MCP_INITIALIZE).status()).isEqualTo(200);
        assertThat(assistant.as(pageToken).mcp(endpoint, MCP_INITIALIZE).status()).isEqualTo(401);

        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(horizontalOverflow()).as("integrations tab with the token, 390 px wide").isZero();
    }

    /** Also takes the README's screenshots (target/screenshots). */
    @Test
    void bothScreensFitANarrowScreen() throws IOException {
        UUID user = UUID.randomUUID();
        ConnectionStore connections = stack.edge().getBean(ConnectionStore.class);
        fakes.connect(connections, user);
        connections.listForUser(user).stream().filter(c -> c.providerId().equals("notion"))
                .forEach(c -> connections.markNeedsReauth(c.id()));
        signIn(user);
        click(providerButton("folder"));
        type(By.cssSelector("#export-form input"), "reports");
        click(By.cssSelector("#export-form button[type=submit]"));
        visible(By.cssSelector(".runs li[data-provider=folder] [data-status=SUCCEEDED] a"));
        new Select(visible(By.id(labelled("Destination provider")))).selectByVisibleText("Slack");
        WebElement channel = visible(By.xpath("//form[contains(@class,'add-preference')]//li[normalize-space()='#team-0002']"));
        channel.click();
        click(By.xpath("//button[normalize-space()='Add destination']"));
        visible(By.cssSelector(".preference-list input[role=switch]"));
        historyRow("SUCCEEDED");
        screenshot("deliverable-page");

        open("/settings/integrations");
        assertThat(waitForText(card("notion"), "reconnect it to export again")).isTrue();
        screenshot("integrations-tab");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(horizontalOverflow()).as("integrations tab, 390 px wide").isZero();
        browser.findElement(By.cssSelector("header nav a[href='/']")).click();
        historyRow("SUCCEEDED");
        assertThat(horizontalOverflow()).as("deliverable page, 390 px wide").isZero();
        screenshot("deliverable-page-narrow");
    }

    /** Also takes the operator page's screenshot (target/screenshots). */
    @Test
    void anOperatorSeesDeadLettersByErrorCodeAndReplaysTheBatchAfterConfirmingItsCount() throws IOException {
        UUID owner = UUID.randomUUID();
        fakes.connect(stack.edge().getBean(ConnectionStore.class), owner);
        StackClient ownersApi = new StackClient(baseUrl, SECRET, owner);
        FakeSlackApi.FaultWindow outage = fakes.slack.outage(VendorFakes.SLACK_TOKEN, Duration.ofSeconds(15));
        List<String> exportIds = List.of("C0000000003", "C0000000004").stream()
                .map(channel -> ownersApi.export("slack", channel, "Ops " + channel, "Body\n"))
                .map(accepted -> accepted.body().path("export_id").asString())
                .toList();
        exportIds.forEach(id -> awaitStatus(ownersApi, id, "DEAD_LETTERED"));
        String errorCode = ownersApi.get("/api/exports/" + exportIds.get(0)).body().path("error").path("code")
                .asString();

        signIn(UUID.randomUUID(), true);
        open("/ops");
        By countRow = By.cssSelector(".failures tr[data-provider=slack][data-kind=dead-letters][data-error-code='"
                + errorCode + "'] td[data-label=Waiting]");
        WebElement counted = visible(countRow).findElement(By.xpath(".."));
        assertThat(counted.findElement(By.cssSelector("td[data-label=Waiting]")).getText()).isEqualTo("2");
        assertThat(visible(By.cssSelector(".breakers [data-instances]")).getText())
                .isEqualTo("1 export-consumer instance reporting.");
        assertThat(visible(By.cssSelector(".lag tr[data-group='export-worker.slack'] td[data-label=Members]"))
                .getText()).isNotEqualTo("0");
        click(counted, "Show");
        CHROMIUM.waitUpTo(PATIENCE).until(d -> deadLetterRows().size() == 2);
        assertThat(deadLetterRows().stream().map(row -> row.getAttribute("data-export-id")))
                .containsExactlyInAnyOrderElementsOf(exportIds);
        assertThat(deadLetterRows()).allSatisfy(row -> {
            assertThat(row.findElement(By.cssSelector("td[data-label=Attempts]")).getText()).isEqualTo("3");
            assertThat(row.findElement(By.cssSelector("td[data-label='Last error']")).getText()).startsWith(errorCode);
        });
        screenshot("operator-page");

        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(outage.end()));
        click(By.cssSelector(".records button.batch-replay"));
        WebElement dialog = visible(By.cssSelector("dialog[open]"));
        assertThat(dialog.getText()).contains("Replay 2 dead letters?")
                .contains("2 dead letters of slack with error " + errorCode + " will be sent again");
        click(dialog, "Replay 2");

        assertThat(visible(By.cssSelector(".records .notice.success")).getText())
                .isEqualTo("Replayed: 2 requeued, 0 skipped.");
        exportIds.forEach(id -> awaitStatus(ownersApi, id, "SUCCEEDED"));
        assertThat(fakes.slack.messagesIn("C0000000003")).isEqualTo(1);
        assertThat(fakes.slack.messagesIn("C0000000004")).isEqualTo(1);
        click(By.xpath("//main//button[normalize-space()='Refresh']"));
        CHROMIUM.waitUpTo(PATIENCE).until(d -> deadLetterRows().stream()
                .allMatch(row -> "SUCCEEDED".equals(row.getAttribute("data-status"))));
        CHROMIUM.waitUpTo(PATIENCE).until(d -> "0".equals(d.findElement(countRow).getText()));
        assertThat(browser.findElements(By.cssSelector(".records button.batch-replay")).get(0).isEnabled()).isFalse();

        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(horizontalOverflow()).as("operations view, 390 px wide").isZero();
    }

    @Test
    void aNonOperatorSeesNoOperationsViewAndTheOperatorsRoutesRefuseThem() {
        UUID user = UUID.randomUUID();
        signIn(user);

        assertThat(browser.findElements(By.cssSelector("header nav a[href='/ops']"))).isEmpty();
        browser.get(baseUrl + "/ops");
        assertThat(visible(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
        StackClient.Response refused = new StackClient(baseUrl, SECRET, user).get("/api/ops/failures");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("status").asInt()).isEqualTo(403);
    }

    private static List<WebElement> deadLetterRows() {
        return browser.findElements(By.cssSelector(".records-table tbody tr"));
    }

    private static void awaitStatus(StackClient api, String exportId, String status) {
        await().atMost(PATIENCE).until(() -> api.get("/api/exports/" + exportId).body().path("status").asString(),
                status::equals);
    }

    private static long horizontalOverflow() {
        return (Long) browser.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
    }

    /** The whole page: the window grows to the document's height first. */
    private static void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) browser.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(size.width, (int) height));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
    }

    private static JsonNode preference(StackClient api, String deliverable) {
        StackClient.Response answer = api.get("/api/deliverables/" + deliverable + "/export-preferences");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().path("preferences").path(0);
    }

    private static List<String> options() {
        return browser.findElements(By.cssSelector("#export-form [role=option]")).stream().map(WebElement::getText)
                .toList();
    }

    // ---- the page, as a person uses it

    private static void signIn(UUID user) {
        signIn(user, false);
    }

    /** @param operator with the dev login's operator role */
    private static void signIn(UUID user, boolean operator) {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(baseUrl + "/sign-in");
        WebElement signInOrOut = visible(By.cssSelector("input[pattern], header button.link"));
        if (signInOrOut.getTagName().equals("button")) {
            signInOrOut.click();
        }
        WebElement userId = visible(By.cssSelector("input[pattern]"));
        userId.clear();
        userId.sendKeys(user.toString());
        if (operator) {
            click(By.xpath("//label[contains(normalize-space(), 'As an operator')]/input"));
        }
        click(By.xpath("//button[normalize-space()='Sign in']"));
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.urlMatches("/deliverables/[0-9a-f-]{36}$"));
        visible(By.cssSelector(".export-bar"));
    }

    private static void open(String path) {
        browser.findElement(By.cssSelector("header nav a[href='" + path + "']")).click();
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.urlToBe(baseUrl + path));
    }

    /** Does what {@code action} does in the popup the page opened, and waits until the popup closed itself. */
    private static void inPopup(Runnable action) {
        String page = browser.getWindowHandle();
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id("allow")));
        action.run();
        browser.switchTo().window(page);
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.numberOfWindowsToBe(1));
    }

    private static WebElement card(String provider) {
        return visible(By.cssSelector("article.card[data-provider=" + provider + "]"));
    }

    /** A provider's button in the export bar. */
    private static By providerButton(String provider) {
        return By.cssSelector(".export-bar .bar [data-provider=" + provider + "] button");
    }

    private static WebElement historyRow(String status) {
        return visible(By.cssSelector(".history-table tr[data-status=" + status + "]"));
    }

    private static WebElement visible(By locator) {
        return CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static boolean waitForText(WebElement element, String text) {
        return CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.textToBePresentInElement(element, text));
    }

    private static void click(By locator) {
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Clicks the button inside {@code scope} whose text is {@code text}. */
    private static void click(WebElement scope, String text) {
        CHROMIUM.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(
                scope.findElement(By.xpath(".//button[normalize-space()='" + text + "']")))).click();
    }

    /** The id of the form control whose label says {@code text}. */
    private static String labelled(String text) {
        return visible(By.xpath("//label[normalize-space()='" + text + "']")).getAttribute("for");
    }

    private static void type(By locator, String text) {
        WebElement input = visible(locator);
        input.clear();
        input.sendKeys(text);
    }

    private static String resource(String name) {
        try (InputStream in = WebPageBrowserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
