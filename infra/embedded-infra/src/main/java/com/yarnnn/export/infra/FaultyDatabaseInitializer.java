package com.yarnnn.export.infra;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@link TestInfrastructureInitializer} with the datasource going through a {@link FaultyTcpProxy} that the test
 * cuts to make the database unreachable while the application runs ({@link #proxy()}): use with
 * {@code @ContextConfiguration(initializers = FaultyDatabaseInitializer.class)}. One proxy per JVM, like the database
 * behind it; a test that cuts it restores it before it ends.
 */
public class FaultyDatabaseInitializer extends TestInfrastructureInitializer {

    /** The host, optional port and the rest of a single-host PostgreSQL JDBC URL. */
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://)([^/:,?]+)(?::(\\d+))?([/?].*)?");
    private static final int POSTGRESQL_PORT = 5432;

    private static FaultyTcpProxy proxy;

    /** The proxy in front of the test database, started on first use and stopped when the JVM exits. */
    public static synchronized FaultyTcpProxy proxy() {
        if (proxy == null) {
            Matcher url = jdbcUrl();
            int port = url.group(3) != null ? Integer.parseInt(url.group(3)) : POSTGRESQL_PORT;
            proxy = FaultyTcpProxy.start(url.group(2), port);
            Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "database-proxy-shutdown"));
        }
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        Matcher url = jdbcUrl();
        String rest = url.group(4) != null ? url.group(4) : "";
        String throughProxy = url.group(1) + "127.0.0.1:" + proxy().port() + rest;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("faulty-database", Map.of(
                "spring.datasource.url", throughProxy,
                // a request while the proxy is cut fails within a second rather than after Hikari's 30 s
                "spring.datasource.hikari.connection-timeout", "1000",
                "spring.datasource.hikari.validation-timeout", "500")));
    }

    private static Matcher jdbcUrl() {
        String jdbcUrl = Infrastructure.forTests().database().jdbcUrl();
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("Only a single-host jdbc:postgresql:// URL can go through the proxy, not "
                    + jdbcUrl.replaceAll("\\?.*", ""));
        }
        return url;
    }
}
