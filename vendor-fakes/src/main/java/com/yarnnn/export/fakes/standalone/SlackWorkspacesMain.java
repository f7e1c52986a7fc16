package com.yarnnn.export.fakes.standalone;

import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Request;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake Slack as a process of its own, for checks that run the deployables as separate processes: a
 * {@link FakeSlackApi} serving {@code N} workspaces, and Slack's bot-token exchange ({@code oauth.v2.access}) on a
 * {@link FakeOAuthServer}, where the code {@code workspace-<i>} (1-based) connects workspace {@code i}. The bot tokens
 * are random and never leave this process but through the exchange. {@code GET /posts} on the OAuth server answers
 * every message posted, workspace by workspace, so the check can count them.
 *
 * <p>Usage: {@code SlackWorkspacesMain <workspaces> <ready-file>}: once both servers listen, writes
 * {@code {slack_api_base_url, token_url, posts_url, channels}} to the ready file, and runs until it is killed.
 */
public final class SlackWorkspacesMain {

    public static final String TOKEN_PATH = "/slack/api/oauth.v2.access";
    public static final String POSTS_PATH = "/posts";
    /** Public channels every workspace lists (the bot is in each): {@code C0000000001} … */
    static final int CHANNELS = 4;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A workspace: its team, and the bot token the exchange hands out for it. */
    record Workspace(String teamId, String teamName, String botToken) {
    }

    private final List<Workspace> workspaces;
    private final FakeSlackApi slack;
    private final FakeOAuthServer oauth;

    SlackWorkspacesMain(int count) throws IOException {
        SecureRandom random = new SecureRandom();
        List<Workspace> made = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            made.add(new Workspace("T%08d".formatted(i), "Workspace " + i, "xoxb-" + HexFormat.of().formatHex(secret)));
        }
        workspaces = List.copyOf(made);
        slack = new FakeSlackApi(workspaces.stream().map(Workspace::botToken).toList());
        slack.channels(CHANNELS, "check");
        oauth = FakeOAuthServer.start();
        oauth.answer(TOKEN_PATH, this::exchange);
        oauth.answer(POSTS_PATH, request -> Response.json(posts().toString()));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SlackWorkspacesMain <workspaces> <ready-file>");
            System.exit(64);
        }
        SlackWorkspacesMain fakes = new SlackWorkspacesMain(Integer.parseInt(args[0]));
        Path ready = Path.of(args[1]);
        Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
        Files.writeString(partial, fakes.endpoints().toString(), StandardCharsets.UTF_8);
        Files.move(partial, ready);  // a reader never sees half a file
        Thread.currentThread().join();
    }

    ObjectNode endpoints() {
        ObjectNode endpoints = JSON.createObjectNode().put("slack_api_base_url", slack.baseUrl())
                .put("token_url", oauth.url(TOKEN_PATH)).put("posts_url", oauth.url(POSTS_PATH));
        ArrayNode channels = endpoints.putArray("channels");
        for (int i = 1; i <= CHANNELS; i++) {
            channels.add("C%010d".formatted(i));
        }
        return endpoints;
    }

    /** Slack's {@code oauth.v2.access} answer for the workspace the code names; {@code invalid_code} for another. */
    Response exchange(Request request) {
        String code = request.form().getOrDefault("code", "");
        int index = code.startsWith("workspace-") ? parse(code.substring("workspace-".length())) : -1;
        if (index < 1 || index > workspaces.size()) {
            return Response.json("{\"ok\":false,\"error\":\"invalid_code\"}");
        }
        Workspace workspace = workspaces.get(index - 1);
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("access_token", workspace.botToken())
                .put("token_type", "bot").put("scope", "chat:write,channels:read,groups:read")
                .put("bot_user_id", "U0FAKEBOT").put("app_id", "A0FAKEAPP");
        answer.putObject("team").put("id", workspace.teamId()).put("name", workspace.teamName());
        return Response.json(answer.toString());
    }

    /** {@code {workspaces: [{team_id, posts: [{channel, ts, thread_ts, text}]}]}}. */
    ObjectNode posts() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("workspaces");
        for (Workspace workspace : workspaces) {
            ObjectNode entry = list.addObject().put("team_id", workspace.teamId());
            ArrayNode posts = entry.putArray("posts");
            for (FakeSlackApi.Post post : slack.posts(workspace.botToken())) {
                posts.addObject().put("channel", post.channel()).put("ts", post.ts()).put("thread_ts", post.threadTs())
                        .put("text", post.text());
            }
        }
        return answer;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
