package com.yarnnn.export.infra;

/** A PostgreSQL database to use, and how to stop it when this process started it. */
public interface DatabaseEndpoint extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    String description();

    @Override
    void close();

    /** A database this process does not own. */
    static DatabaseEndpoint external(String jdbcUrl, String username, String password) {
        return new DatabaseEndpoint() {
            public String jdbcUrl() {
                return jdbcUrl;
            }

            public String username() {
                return username;
            }

            public String password() {
                return password;
            }

            public String description() {
                return "PostgreSQL at " + jdbcUrl.replaceAll("\\?.*", "");
            }

            public void close() {
            }
        };
    }
}
