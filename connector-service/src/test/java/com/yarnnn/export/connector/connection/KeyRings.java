package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultKeyRing;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/** Vaults with key rings of a test's choosing, and stores over the test database that use them. */
class KeyRings {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IdGenerator ids;

    KeyRings(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, IdGenerator ids) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.ids = ids;
    }

    TokenVault vault(String keys, String activeKeyId) {
        return new TokenVault(VaultKeyRing.parse(keys, activeKeyId));
    }

    JdbcConnectionStore store(TokenVault vault) {
        return new JdbcConnectionStore(jdbc, transactions, vault, clock, ids);
    }
}
