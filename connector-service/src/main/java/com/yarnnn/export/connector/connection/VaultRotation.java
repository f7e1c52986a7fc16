package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.connection.JdbcConnectionStore.SealedTokens;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every stored token to the vault's active key: scans {@code user_integrations} in id order, a batch at a
 * time, and re-encrypts each connection whose tokens name another key, under that connection's row lock. A
 * connection that cannot be decrypted (its key is gone, its bytes altered) is reported and skipped; the rest go on.
 * Safe to run again at any time: connections already under the active key are left alone.
 */
public class VaultRotation {

    private static final Logger log = LoggerFactory.getLogger(VaultRotation.class);

    private final JdbcConnectionStore store;
    private final TokenVault vault;
    private final int batchSize;

    public VaultRotation(JdbcConnectionStore store, TokenVault vault, int batchSize) {
        this.store = store;
        this.vault = vault;
        this.batchSize = batchSize;
    }

    public RotationReport run() {
        int examined = 0;
        int reencrypted = 0;
        List<UUID> failed = new ArrayList<>();
        UUID after = new UUID(0, 0);
        List<SealedTokens> batch;
        while (!(batch = store.sealedTokensAfter(after, batchSize)).isEmpty()) {
            for (SealedTokens row : batch) {
                examined++;
                try {
                    if (!row.sealedWith(vault) && store.reencrypt(row.connectionId())) {
                        reencrypted++;
                    }
                } catch (VaultException unreadable) {
                    failed.add(row.connectionId());
                    log.warn("Connection {} was not re-encrypted: {}", row.connectionId(), unreadable.getMessage());
                }
            }
            after = batch.get(batch.size() - 1).connectionId();
        }
        RotationReport report = new RotationReport(vault.activeKeyId(), examined, reencrypted, failed);
        log.info("Vault rotation to key '{}': {} connections examined, {} re-encrypted, {} failed",
                report.activeKeyId(), examined, reencrypted, failed.size());
        return report;
    }

    /**
     * What a rotation did.
     *
     * @param failed the connections left as they were because their tokens could not be decrypted
     */
    public record RotationReport(String activeKeyId, int examined, int reencrypted, List<UUID> failed) {

        public RotationReport {
            failed = List.copyOf(failed);
        }
    }
}
