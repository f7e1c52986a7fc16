package com.yarnnn.export.gmailmcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sockets a process owns, read from Linux's {@code /proc}: the socket inodes among its open file descriptors,
 * matched against the kernel's TCP, UDP and Unix socket tables of its network namespace.
 */
record ProcessSockets(List<String> listening, List<String> tcpConnections) {

    private static final String TCP_LISTEN = "0A";
    private static final String TCP_ESTABLISHED = "01";
    private static final String UNIX_ACCEPTING = "00010000";

    static ProcessSockets of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = socketInodes(proc.resolve("fd"));
        List<String> listening = new ArrayList<>();
        List<String> connections = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String[] row : rows(proc.resolve("net").resolve(table))) {
                if (inodes.contains(row[9])) {
                    if (TCP_LISTEN.equals(row[3])) {
                        listening.add(table + " " + row[1]);
                    } else if (TCP_ESTABLISHED.equals(row[3])) {
                        connections.add(table + " " + row[1] + " -> " + row[2]);
                    }
                }
            }
        }
        for (String table : List.of("udp", "udp6")) {
            rows(proc.resolve("net").resolve(table)).stream().filter(row -> inodes.contains(row[9]))
                    .forEach(row -> listening.add(table + " " + row[1]));
        }
        rows(proc.resolve("net/unix")).stream()
                .filter(row -> row.length > 6 && inodes.contains(row[6]) && UNIX_ACCEPTING.equals(row[3]))
                .forEach(row -> listening.add("unix " + (row.length > 7 ? row[7] : "(unnamed)")));
        return new ProcessSockets(listening, connections);
    }

    private static Set<String> socketInodes(Path fds) {
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(ProcessSockets::target)
                    .filter(target -> target.startsWith("socket:["))
                    .map(target -> target.substring("socket:[".length(), target.length() - 1))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }

    private static List<String[]> rows(Path table) {
        try (Stream<String> lines = Files.lines(table)) {
            return lines.skip(1).map(line -> line.strip().split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
