package com.yarnnn.export.fakes.hosted;

import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of Slack's hosted MCP server ({@code https://mcp.slack.com/mcp}): a real MCP server over Streamable
 * HTTP on a loopback port that wants a user token on every request, serves Slack's tools with the input schemas Slack
 * publishes ({@code hosted-mcp/slack/*.json}, sources in {@code hosted-mcp/SOURCES.md}) and keeps workspaces in
 * memory: channels with their messages and threads ({@code ts} ids and permalinks shaped like Slack's) and canvases,
 * so a test reads back what was posted.
 *
 * <p>Served: {@code slack_send_message}, {@code slack_read_channel}, {@code slack_read_thread},
 * {@code slack_search_public}, {@code slack_search_channels}, {@code slack_create_canvas}, {@code slack_read_canvas}.
 * Results are a text content holding Slack-style JSON ({@code {"ok":true,...}}); Slack errors are results with
 * {@code isError} and {@code {"ok":false,"error":"<code>"}}. HTTP-level faults are injected through {@link #faults()}.
 *
 * <pre>{@code
 * try (HostedSlackMcp slack = HostedSlackMcp.start()) {
 *     slack.workspace("T01", "acme").channel("T01", "C01", "general").token("xoxp-1", "T01", "U01");
 *     // client: HttpClientStreamableHttpTransport.builder(slack.url()) with "Authorization: Bearer xoxp-1"
 *     slack.messages("T01", "C01");   // what was posted, in order
 * }
 * }</pre>
 */
public final class HostedSlackMcp extends HostedMcpDouble {

    /** The tools served, in the order Slack lists them. */
    public static final List<String> TOOLS = List.of("slack_send_message", "slack_create_canvas",
            "slack_search_public", "slack_search_channels", "slack_read_channel", "slack_read_thread",
            "slack_read_canvas");

    /**
     * Slack's {@code chat.postMessage} truncates text over 40,000 characters; the hosted server documents no limit
     * of its own for a whole message, so this double refuses longer ones with {@code msg_too_long}.
     */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 40_000;

    /**
     * A message as stored: its channel, {@code ts}, the {@code thread_ts} of its thread (null for a top-level message
     * that has no replies yet; equal to {@code ts} for a thread's parent), the author's user ID, its text, whether a
     * reply was also broadcast to the channel, and its permalink.
     */
    public record Message(String channel, String ts, String threadTs, String user, String text, boolean broadcast,
            String permalink) {

        boolean reply() {
            return threadTs != null && !threadTs.equals(ts);
        }
    }

    /** A canvas as stored. */
    public record Canvas(String id, String title, String markdown, String url) {
    }

    private static final class Channel {

        final String id;
        final String name;
        final boolean isPrivate;
        final String topic;
        final String purpose;
        volatile boolean archived;
        final List<Message> messages = new ArrayList<>();

        Channel(String id, String name, boolean isPrivate, String topic, String purpose) {
            this.id = id;
            this.name = name;
            this.isPrivate = isPrivate;
            this.topic = topic;
            this.purpose = purpose;
        }
    }

    private static final class Workspace {

        final String teamId;
        final String domain;
        final Map<String, Channel> channels = new LinkedHashMap<>();
        final Map<String, Canvas> canvases = new LinkedHashMap<>();
        long lastMicros;

        Workspace(String teamId, String domain) {
            this.teamId = teamId;
            this.domain = domain;
        }

        /** A {@code ts} later than every earlier one of the workspace, as Slack's are unique per channel. */
        String nextTs() {
            long now = Instant.now().toEpochMilli() * 1000;
            lastMicros = Math.max(now, lastMicros + 1);
            return String.format(Locale.ROOT, "%d.%06d", lastMicros / 1_000_000, lastMicros % 1_000_000);
        }
    }

    /** Who a user token belongs to. */
    private record User(Workspace workspace, String userId) {
    }

    private static final Pattern IN_CHANNEL = Pattern.compile("in:(?:<#([A-Z0-9]+)(?:\\|[^>]*)?>|#?([\\w-]+))");
    private static final Pattern FROM_USER = Pattern.compile("from:(?:<@([A-Z0-9]+)(?:\\|[^>]*)?>|@?([\\w.-]+))");
    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> skips = new ConcurrentHashMap<>();
    private volatile String failureError;
    private volatile int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
    private final AtomicInteger canvasIds = new AtomicInteger();
    private final HostedMcpServer<User> server;

    private HostedSlackMcp() {
        List<HostedMcpServer.Tool<User>> tools = List.of(
                tool("slack_send_message", this::sendMessage),
                tool("slack_create_canvas", this::createCanvas),
                tool("slack_search_public", this::searchPublic),
                tool("slack_search_channels", this::searchChannels),
                tool("slack_read_channel", this::readChannel),
                tool("slack_read_thread", this::readThread),
                tool("slack_read_canvas", this::readCanvas));
        this.server = new HostedMcpServer<>("slack-mcp-double", "1.0.0", tools, tokens::get,
                List.of("channels:history", "groups:history", "im:history", "mpim:history", "channels:read",
                        "groups:read", "im:read", "mpim:read", "users:read", "chat:write", "canvases:read",
                        "canvases:write", "search:read.public", "search:read.private"));
    }

    /** Starts a double on a free loopback port; it knows no workspace or token yet. */
    public static HostedSlackMcp start() {
        return new HostedSlackMcp();
    }

    /** Adds a workspace, whose permalinks are {@code https://<domain>.slack.com/archives/...}. */
    public HostedSlackMcp workspace(String teamId, String domain) {
        workspaces.put(teamId, new Workspace(teamId, domain));
        return this;
    }

    /** Adds a public channel to a workspace. */
    public HostedSlackMcp channel(String teamId, String channelId, String name) {
        return channel(teamId, channelId, name, false, "", "");
    }

    /** Adds a channel with its topic and purpose (what {@code slack_search_channels} matches besides the name). */
    public HostedSlackMcp channel(String teamId, String channelId, String name, boolean isPrivate, String topic,
            String purpose) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            workspace.channels.put(channelId, new Channel(channelId, name, isPrivate, topic, purpose));
        }
        return this;
    }

    /** Archives a channel: posting to it then answers {@code is_archived}. */
    public HostedSlackMcp archive(String teamId, String channelId) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            channel(workspace, channelId).archived = true;
        }
        return this;
    }

    /** Registers a user token: requests carrying it act as {@code userId} in the workspace {@code teamId}. */
    public HostedSlackMcp token(String token, String teamId, String userId) {
        tokens.put(token, new User(workspace(teamId), userId));
        return this;
    }

    /** Revokes a token: every later request carrying it is answered 401 {@code invalid_token}. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** The longest message {@code slack_send_message} accepts; longer ones answer {@code msg_too_long}. */
    public void maxMessageChars(int max) {
        this.maxMessageChars = max;
    }

    /**
     * The next {@code count} calls of {@code tool} reach it but answer the Slack error {@code error} (e.g.
     * {@code ratelimited}, {@code internal_error}) as an {@code isError} result, posting nothing.
     */
    public void failNextCallsOf(String tool, int count, String error) {
        this.failureError = error;
        failures.computeIfAbsent(tool, t -> new AtomicInteger()).addAndGet(count);
    }

    /**
     * As {@link #failNextCallsOf}, after the next {@code skip} calls of {@code tool} are served as usual: e.g. the
     * third message of a thread fails, the first two are posted.
     */
    public void failCallsOfAfter(String tool, int skip, int count, String error) {
        skips.computeIfAbsent(tool, t -> new AtomicInteger()).addAndGet(skip);
        failNextCallsOf(tool, count, error);
    }

    /** A channel's top-level messages (and broadcast replies), oldest first. */
    public List<Message> messages(String teamId, String channelId) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            return channel(workspace, channelId).messages.stream().filter(m -> !m.reply() || m.broadcast())
                    .toList();
        }
    }

    /** A thread: its parent, then its replies, oldest first; empty if there is no such message. */
    public List<Message> thread(String teamId, String channelId, String threadTs) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            return threadOf(channel(workspace, channelId), threadTs);
        }
    }

    /** Every message of a workspace, replies included, channel by channel, oldest first. */
    public List<Message> allMessages(String teamId) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            return workspace.channels.values().stream().flatMap(c -> c.messages.stream()).toList();
        }
    }

    public List<Canvas> canvases(String teamId) {
        Workspace workspace = workspace(teamId);
        synchronized (workspace) {
            return List.copyOf(workspace.canvases.values());
        }
    }

    /**
     * The permalink Slack gives a message: {@code https://<domain>.slack.com/archives/<channel>/p<ts without the dot>},
     * with {@code ?thread_ts=<thread_ts>&cid=<channel>} for a reply.
     */
    public static String permalink(String domain, String channel, String ts, String threadTs) {
        String link = "https://" + domain + ".slack.com/archives/" + channel + "/p" + ts.replace(".", "");
        return threadTs == null || threadTs.equals(ts) ? link : link + "?thread_ts=" + threadTs + "&cid=" + channel;
    }

    @Override
    HostedMcpServer<?> server() {
        return server;
    }

    // ---- the tools ----

    private McpSchema.CallToolResult sendMessage(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        String text = call.string("message");
        String threadTs = call.string("thread_ts");
        synchronized (workspace) {
            Channel channel = channelOrFail(workspace, call.string("channel_id"));
            if (channel.archived) {
                throw slackError("is_archived");
            }
            if (text == null || text.isBlank()) {
                throw slackError("no_text");
            }
            if (text.length() > maxMessageChars) {
                throw slackError("msg_too_long");
            }
            if (threadTs != null && !threadTs.isBlank()) {
                int parent = indexOf(channel, threadTs);
                if (parent < 0 || channel.messages.get(parent).reply()) {
                    throw slackError("thread_not_found");
                }
                Message head = channel.messages.get(parent);
                if (head.threadTs() == null) {
                    channel.messages.set(parent, new Message(head.channel(), head.ts(), head.ts(), head.user(),
                            head.text(), false, head.permalink()));
                }
            } else {
                threadTs = null;
            }
            String ts = workspace.nextTs();
            Message message = new Message(channel.id, ts, threadTs, call.tenant().userId(), text,
                    threadTs != null && call.flag("reply_broadcast"),
                    permalink(workspace.domain, channel.id, ts, threadTs));
            channel.messages.add(message);
            Map<String, Object> body = ok();
            body.put("channel", channel.id);
            body.put("ts", ts);
            if (threadTs != null) {
                body.put("thread_ts", threadTs);
            }
            body.put("message_link", message.permalink());
            return ToolCall.answer(body, false);
        }
    }

    private McpSchema.CallToolResult readChannel(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        synchronized (workspace) {
            Channel channel = channelOrFail(workspace, call.string("channel_id"));
            List<Message> history = channel.messages.stream().filter(m -> !m.reply() || m.broadcast())
                    .filter(m -> inRange(m.ts(), call.string("oldest"), call.string("latest")))
                    .sorted(Comparator.comparing(Message::ts, HostedSlackMcp::compareTs).reversed()).toList();
            return page(call, channel, history, call.integer("limit", 100, 1, 100));
        }
    }

    private McpSchema.CallToolResult readThread(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        synchronized (workspace) {
            Channel channel = channelOrFail(workspace, call.string("channel_id"));
            List<Message> thread = threadOf(channel, call.string("message_ts"));
            if (thread.isEmpty()) {
                throw slackError("thread_not_found");
            }
            List<Message> inRange = thread.stream()
                    .filter(m -> inRange(m.ts(), call.string("oldest"), call.string("latest"))).toList();
            return page(call, channel, inRange, call.integer("limit", 100, 1, 1000));
        }
    }

    private McpSchema.CallToolResult searchPublic(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        String query = Objects.requireNonNullElse(call.string("query"), "");
        List<String> channelFilters = new ArrayList<>();
        List<String> userFilters = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        String rest = collect(IN_CHANNEL, query, channelFilters);
        rest = collect(FROM_USER, rest, userFilters);
        Matcher phrase = PHRASE.matcher(rest);
        while (phrase.find()) {
            terms.add(phrase.group(1).toLowerCase(Locale.ROOT));
        }
        for (String word : phrase.replaceAll(" ").trim().split("\\s+")) {
            if (!word.isEmpty()) {
                terms.add(word.toLowerCase(Locale.ROOT));
            }
        }
        int limit = call.integer("limit", 20, 1, 20);
        boolean ascending = "asc".equals(call.string("sort_dir"));
        synchronized (workspace) {
            List<Map<String, Object>> hits = workspace.channels.values().stream()
                    .filter(c -> !c.isPrivate)
                    .filter(c -> channelFilters.isEmpty() || channelFilters.contains(c.id)
                            || channelFilters.contains(c.name))
                    .flatMap(c -> c.messages.stream().map(m -> Map.entry(c, m)))
                    .filter(e -> userFilters.isEmpty() || userFilters.contains(e.getValue().user()))
                    .filter(e -> terms.stream()
                            .allMatch(t -> e.getValue().text().toLowerCase(Locale.ROOT).contains(t)))
                    .sorted((a, b) -> ascending ? compareTs(a.getValue().ts(), b.getValue().ts())
                            : compareTs(b.getValue().ts(), a.getValue().ts()))
                    .map(e -> {
                        Map<String, Object> hit = json(e.getValue());
                        hit.put("channel_id", e.getKey().id);
                        hit.put("channel_name", e.getKey().name);
                        return hit;
                    }).toList();
            int offset = offset(call.string("cursor"));
            List<Map<String, Object>> pageOf = hits.subList(Math.min(offset, hits.size()),
                    Math.min(offset + limit, hits.size()));
            Map<String, Object> body = ok();
            body.put("query", query);
            body.put("messages", pageOf);
            body.put("pagination", Map.of("total_count", hits.size()));
            body.put("response_metadata",
                    Map.of("next_cursor", offset + limit < hits.size() ? cursor(offset + limit) : ""));
            return ToolCall.answer(body, false);
        }
    }

    private McpSchema.CallToolResult searchChannels(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        String query = Objects.requireNonNullElse(call.string("query"), "").toLowerCase(Locale.ROOT).trim();
        String types = Objects.requireNonNullElse(call.string("channel_types"), "public_channel");
        boolean archived = call.flag("include_archived");
        int limit = call.integer("limit", 20, 1, 20);
        synchronized (workspace) {
            List<Map<String, Object>> found = workspace.channels.values().stream()
                    .filter(c -> types.contains(c.isPrivate ? "private_channel" : "public_channel"))
                    .filter(c -> archived || !c.archived)
                    .filter(c -> (c.name + " " + c.topic + " " + c.purpose).toLowerCase(Locale.ROOT).contains(query))
                    .limit(limit)
                    .map(c -> {
                        Map<String, Object> channel = new LinkedHashMap<>();
                        channel.put("id", c.id);
                        channel.put("name", c.name);
                        channel.put("is_private", c.isPrivate);
                        channel.put("is_archived", c.archived);
                        channel.put("topic", c.topic);
                        channel.put("purpose", c.purpose);
                        return channel;
                    }).toList();
            Map<String, Object> body = ok();
            body.put("channels", found);
            body.put("response_metadata", Map.of("next_cursor", ""));
            return ToolCall.answer(body, false);
        }
    }

    private McpSchema.CallToolResult createCanvas(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        String title = call.string("title");
        String content = call.string("content");
        if (title == null || title.isBlank() || content == null || content.isBlank()) {
            throw slackError("invalid_arguments");
        }
        String id = String.format(Locale.ROOT, "F%09dCV", canvasIds.incrementAndGet());
        Canvas canvas = new Canvas(id, title, content,
                "https://" + workspace.domain + ".slack.com/docs/" + workspace.teamId + "/" + id);
        synchronized (workspace) {
            workspace.canvases.put(id, canvas);
        }
        Map<String, Object> body = ok();
        body.put("canvas_id", id);
        body.put("canvas_url", canvas.url());
        return ToolCall.answer(body, false);
    }

    private McpSchema.CallToolResult readCanvas(ToolCall<User> call) {
        Workspace workspace = call.tenant().workspace();
        Canvas canvas;
        synchronized (workspace) {
            canvas = workspace.canvases.get(call.string("canvas_id"));
        }
        if (canvas == null) {
            throw slackError("canvas_not_found");
        }
        Map<String, Object> body = ok();
        body.put("canvas_id", canvas.id());
        body.put("title", canvas.title());
        body.put("markdown", canvas.markdown());
        body.put("canvas_url", canvas.url());
        body.put("section_id_mapping", Map.of("temp:C:" + canvas.id(), "the whole canvas"));
        return ToolCall.answer(body, false);
    }

    // ---- helpers ----

    private HostedMcpServer.Tool<User> tool(String name, Function<ToolCall<User>, McpSchema.CallToolResult> handler) {
        ToolDescriptor descriptor = ToolDescriptor.load("slack", name);
        return new HostedMcpServer.Tool<>(descriptor, call -> {
            AtomicInteger skipping = skips.get(name);
            if (skipping != null && skipping.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return handler.apply(call);
            }
            AtomicInteger failing = failures.get(name);
            if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw slackError(failureError);
            }
            return handler.apply(call);
        });
    }

    private McpSchema.CallToolResult page(ToolCall<User> call, Channel channel, List<Message> messages, int limit) {
        int offset = offset(call.string("cursor"));
        List<Map<String, Object>> shown = messages.subList(Math.min(offset, messages.size()),
                Math.min(offset + limit, messages.size())).stream().map(m -> {
                    Map<String, Object> json = json(m);
                    if (m.ts().equals(m.threadTs())) {
                        List<Message> thread = threadOf(channel, m.ts());
                        List<Message> replies = thread.subList(1, thread.size());
                        json.put("reply_count", replies.size());
                        if (!replies.isEmpty()) {
                            json.put("latest_reply", replies.get(replies.size() - 1).ts());
                        }
                    }
                    return json;
                }).toList();
        boolean more = offset + limit < messages.size();
        Map<String, Object> body = ok();
        body.put("channel", channel.id);
        body.put("messages", shown);
        body.put("has_more", more);
        body.put("response_metadata", Map.of("next_cursor", more ? cursor(offset + limit) : ""));
        return ToolCall.answer(body, false);
    }

    private static Map<String, Object> json(Message m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "message");
        if (m.broadcast()) {
            json.put("subtype", "thread_broadcast");
        }
        json.put("user", m.user());
        json.put("text", m.text());
        json.put("ts", m.ts());
        if (m.threadTs() != null) {
            json.put("thread_ts", m.threadTs());
        }
        json.put("permalink", m.permalink());
        return json;
    }

    private static List<Message> threadOf(Channel channel, String threadTs) {
        if (threadTs == null) {
            return List.of();
        }
        int parent = indexOf(channel, threadTs);
        if (parent < 0 || channel.messages.get(parent).reply()) {
            return List.of();
        }
        List<Message> thread = new ArrayList<>();
        thread.add(channel.messages.get(parent));
        channel.messages.stream().filter(m -> m.reply() && threadTs.equals(m.threadTs())).forEach(thread::add);
        return thread;
    }

    private static int indexOf(Channel channel, String ts) {
        for (int i = 0; i < channel.messages.size(); i++) {
            if (channel.messages.get(i).ts().equals(ts)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean inRange(String ts, String oldest, String latest) {
        return (oldest == null || oldest.isBlank() || compareTs(ts, oldest) > 0)
                && (latest == null || latest.isBlank() || compareTs(ts, latest) < 0);
    }

    private static int compareTs(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            throw slackError("invalid_ts");
        }
    }

    private static String collect(Pattern pattern, String query, List<String> into) {
        Matcher matcher = pattern.matcher(query);
        while (matcher.find()) {
            into.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return matcher.replaceAll(" ");
    }

    private static String cursor(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Integer.parseInt(decoded.substring("offset:".length()));
        } catch (RuntimeException e) {
            throw slackError("invalid_cursor");
        }
    }

    private static Map<String, Object> ok() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        return body;
    }

    private static ToolCall.Rejected slackError(String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", error);
        return new ToolCall.Rejected(body, false);
    }

    private Workspace workspace(String teamId) {
        Workspace workspace = workspaces.get(teamId);
        if (workspace == null) {
            throw new IllegalArgumentException("No workspace " + teamId + "; add it with workspace(teamId, domain)");
        }
        return workspace;
    }

    private static Channel channel(Workspace workspace, String channelId) {
        Channel channel = workspace.channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("No channel " + channelId + " in " + workspace.teamId);
        }
        return channel;
    }

    private static Channel channelOrFail(Workspace workspace, String channelId) {
        Channel channel = channelId == null ? null : workspace.channels.get(channelId);
        if (channel == null) {
            throw slackError("channel_not_found");
        }
        return channel;
    }
}
