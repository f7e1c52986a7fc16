package com.yarnnn.export.localstack;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records every token the rate budgets hand out, while open: a trigger on {@code rate_budget} keeps each grant's
 * {@code refilled_at}, the instant the bucket math granted the token at (a grant is the only write of
 * {@code tokens} and {@code refilled_at}; a provider's pause writes only {@code blocked_until}). The budget keeps
 * only its last grant; pacing is proven on all of them, on the clock the budget itself reads, not on when a
 * message happens to reach a fake vendor after the MCP server hop.
 */
final class BudgetGrants implements AutoCloseable {

    private final JdbcClient jdbc;

    private BudgetGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static BudgetGrants record(JdbcClient jdbc) {
        BudgetGrants grants = new BudgetGrants(jdbc);
        grants.close(); // what a run killed before its close left behind
        jdbc.sql("""
                        create table test_budget_grant (
                            id         bigserial primary key,
                            budget_key text        not null,
                            granted_at timestamptz not null)""")
                .update();
        jdbc.sql("""
                        create function test_record_budget_grant() returns trigger language plpgsql as $$
                        begin
                            insert into test_budget_grant (budget_key, granted_at)
                            values (new.budget_key, new.refilled_at);
                            return new;
                        end $$""")
                .update();
        jdbc.sql("""
                        create trigger test_budget_grant after update of tokens, refilled_at on rate_budget
                           for each row execute function test_record_budget_grant()""")
                .update();
        return grants;
    }

    /** When each token of the budgets whose keys match the SQL {@code like} pattern was granted, in order. */
    List<Instant> grantedAt(String keyPattern) {
        return jdbc.sql("select granted_at from test_budget_grant where budget_key like ? order by granted_at, id")
                .param(keyPattern)
                .query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    /** The database is shared by every test class of the run: leaves {@code rate_budget} as it was. */
    @Override
    public void close() {
        jdbc.sql("drop trigger if exists test_budget_grant on rate_budget").update();
        jdbc.sql("drop function if exists test_record_budget_grant()").update();
        jdbc.sql("drop table if exists test_budget_grant").update();
    }
}
