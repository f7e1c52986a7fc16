package com.yarnnn.export.connector.provider.notion;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps a fenced code block's info string to one of the languages Notion's {@code code} block accepts. */
final class NotionCodeLanguage {

    static final String PLAIN_TEXT = "plain text";

    /** Notion's list, as its API names it when it refuses another value. */
    private static final Set<String> NOTION = Set.of("abap", "abc", "agda", "arduino", "ascii art", "assembly",
            "bash", "basic", "bnf", "c", "c#", "c++", "clojure", "coffeescript", "coq", "css", "dart", "dhall", "diff",
            "docker", "ebnf", "elixir", "elm", "erlang", "f#", "flow", "fortran", "gherkin", "glsl", "go", "graphql",
            "groovy", "haskell", "hcl", "html", "idris", "java", "javascript", "json", "julia", "kotlin", "latex",
            "less", "lisp", "livescript", "llvm ir", "lua", "makefile", "markdown", "markup", "matlab", "mathematica",
            "mermaid", "nix", "notion formula", "objective-c", "ocaml", "pascal", "perl", "php", PLAIN_TEXT,
            "powershell", "prolog", "protobuf", "purescript", "python", "r", "racket", "reason", "ruby", "rust", "sass",
            "scala", "scheme", "scss", "shell", "smalltalk", "solidity", "sql", "swift", "toml", "typescript", "vb.net",
            "verilog", "vhdl", "visual basic", "webassembly", "xml", "yaml", "java/c/c++/c#");

    /** The usual fence names (GitHub linguist aliases) of those languages. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("js", "javascript"), Map.entry("jsx", "javascript"), Map.entry("mjs", "javascript"),
            Map.entry("node", "javascript"), Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"),
            Map.entry("py", "python"), Map.entry("python3", "python"), Map.entry("rb", "ruby"),
            Map.entry("sh", "shell"), Map.entry("zsh", "shell"), Map.entry("console", "shell"),
            Map.entry("shell-session", "shell"), Map.entry("ps1", "powershell"), Map.entry("pwsh", "powershell"),
            Map.entry("yml", "yaml"), Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"),
            Map.entry("cs", "c#"), Map.entry("csharp", "c#"), Map.entry("cpp", "c++"), Map.entry("cc", "c++"),
            Map.entry("cxx", "c++"), Map.entry("h", "c"), Map.entry("hpp", "c++"), Map.entry("fs", "f#"),
            Map.entry("fsharp", "f#"), Map.entry("golang", "go"), Map.entry("rs", "rust"),
            Map.entry("dockerfile", "docker"), Map.entry("md", "markdown"), Map.entry("text", PLAIN_TEXT),
            Map.entry("txt", PLAIN_TEXT), Map.entry("plaintext", PLAIN_TEXT), Map.entry("objc", "objective-c"),
            Map.entry("tex", "latex"), Map.entry("proto", "protobuf"), Map.entry("hs", "haskell"),
            Map.entry("ex", "elixir"), Map.entry("exs", "elixir"), Map.entry("erl", "erlang"),
            Map.entry("clj", "clojure"), Map.entry("scm", "scheme"), Map.entry("ml", "ocaml"),
            Map.entry("vb", "visual basic"), Map.entry("patch", "diff"), Map.entry("tf", "hcl"),
            Map.entry("terraform", "hcl"), Map.entry("wasm", "webassembly"), Map.entry("gql", "graphql"),
            Map.entry("make", "makefile"), Map.entry("mk", "makefile"), Map.entry("htm", "html"),
            Map.entry("svg", "xml"), Map.entry("jsonc", "json"), Map.entry("json5", "json"),
            Map.entry("postgresql", "sql"), Map.entry("mysql", "sql"), Map.entry("plsql", "sql"),
            Map.entry("asm", "assembly"), Map.entry("pl", "perl"), Map.entry("coffee", "coffeescript"),
            Map.entry("sol", "solidity"), Map.entry("jl", "julia"), Map.entry("mmd", "mermaid"));

    private NotionCodeLanguage() {
    }

    /** The language named first in the info string ({@code ```java title="A.java"}), else plain text. */
    static String of(String info) {
        if (info == null || info.isBlank()) {
            return PLAIN_TEXT;
        }
        String name = info.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (NOTION.contains(name)) {
            return name;
        }
        return ALIASES.getOrDefault(name, PLAIN_TEXT);
    }
}
