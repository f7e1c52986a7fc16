package com.yarnnn.export.connector.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM while open, with the named loggers turned up to TRACE: for tests that no secret reaches
 * a log. A line is the formatted message, and the whole stack trace of its exception (each cause's message included).
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    /** Each turned-up logger's own level before, restored on close (null: it had none and inherited). */
    private final Map<String, Level> before = new HashMap<>();

    private LogCapture(List<String> verbose) {
        verbose.forEach(name -> before.put(name, logger(name).getLevel()));
        appender.start();
        root().addAppender(appender);
        verbose.forEach(name -> logger(name).setLevel(Level.TRACE));
    }

    public static LogCapture withTrace(List<String> verboseLoggers) {
        return new LogCapture(verboseLoggers);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        return lines;
    }

    @Override
    public void close() {
        before.forEach((name, level) -> logger(name).setLevel(level));
        root().detachAppender(appender);
    }

    private static Logger root() {
        return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
