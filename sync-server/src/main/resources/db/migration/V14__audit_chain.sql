-- The audit log gets its own hash chain (docs/SECURITY.md, "Audit chain"). Rows are written
-- without it and sealed in id order within seconds by one sealer at a time (AuditChain), so
-- writing an audit row never waits on another transaction's lock.
ALTER TABLE audit_log
    ADD COLUMN chain_seq bigint UNIQUE,
    ADD COLUMN prev_hash char(64),
    ADD COLUMN hash      char(64);

CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE chain_seq IS NULL;

-- Where the audit chain stands (one row); locked while a sealer extends the chain.
CREATE TABLE audit_head (
    id        smallint PRIMARY KEY CHECK (id = 1),
    last_seq  bigint   NOT NULL,
    last_hash char(64)
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, NULL);
