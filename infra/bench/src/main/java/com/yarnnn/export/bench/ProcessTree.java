package com.yarnnn.export.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** This JVM's descendant processes and their resident memory, read from {@code /proc}. */
final class ProcessTree {

    /**
     * One process: what it runs, its {@code VmRSS}, the CPU it used (user + system, in clock ticks), and whether it
     * started processes of its own.
     */
    record Member(long pid, String command, long rssKb, long cpuTicks, boolean leaf) {

        /** The embedded PostgreSQL (and its workers) run under this JVM too, but are the database, not MCP. */
        boolean isDatabase() {
            return command.contains("postgres");
        }

        /** A server is a leaf: {@code npx} reaches it through npm and a shell, which are not servers. */
        boolean isMcpServer() {
            return leaf && !isDatabase() && !command.startsWith("npm ") && !command.startsWith("sh ");
        }
    }

    private ProcessTree() {
    }

    static long selfRssKb() {
        return rssKb(ProcessHandle.current().pid());
    }

    /**
     * Every PostgreSQL process of this machine: the embedded server detaches from the JVM that starts it, so it is
     * found by name; a benchmark machine runs no other.
     */
    static List<Member> database() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .map(pid -> new Member(pid, commandOf(pid), rssKb(pid), cpuTicksOf(pid), true))
                    .filter(Member::isDatabase)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc (the benchmark reads memory on Linux only)", e);
        }
    }

    /** CPU clock ticks of this JVM's JIT compiler threads, by thread id. */
    static Map<Long, Long> compilerThreads() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks.put(Long.parseLong(task.getFileName().toString()), cpuTicks(task.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc/self/task (the benchmark reads CPU on Linux only)", e);
        }
        return ticks;
    }

    /** Every descendant of this JVM, children of children included (npx starts npm, which starts node). */
    static List<Member> descendants() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        long ppid = parentOf(Long.parseLong(name));
                        if (ppid > 0) {
                            children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(Long.parseLong(name));
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc (the benchmark reads memory on Linux only)", e);
        }
        List<Member> members = new ArrayList<>();
        List<Long> pending = new ArrayList<>(children.getOrDefault(ProcessHandle.current().pid(), List.of()));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            pending.addAll(children.getOrDefault(pid, List.of()));
            long rss = rssKb(pid);
            if (rss > 0) {
                members.add(new Member(pid, commandOf(pid), rss, cpuTicksOf(pid), !children.containsKey(pid)));
            }
        }
        return members;
    }

    /** The fourth field of {@code /proc/<pid>/stat}. */
    private static long parentOf(long pid) {
        String[] fields = statFields(pid);
        return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    }

    private static long cpuTicksOf(long pid) {
        return cpuTicks(Path.of("/proc/" + pid + "/stat"));
    }

    /** {@code utime + stime}, the 14th and 15th fields of a {@code stat} file (a process's or one thread's). */
    private static long cpuTicks(Path stat) {
        String[] fields = statFields(stat);
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    private static String[] statFields(long pid) {
        return statFields(Path.of("/proc/" + pid + "/stat"));
    }

    /** The fields of a {@code stat} file from the third on, after the parenthesised command (which may hold spaces). */
    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return new String[0];
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String commandOf(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "";
        }
    }
}
