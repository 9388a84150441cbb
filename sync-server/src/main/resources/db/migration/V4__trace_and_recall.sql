-- Trace and recall: finding a lot's events in the ledger, open flags by lot, and stored recalls.

-- Which events name which lot: one row per (lot, event), written by ingest in the same
-- transaction as the event (the payload's own item + lot, TRANSFORM inputs and outputs,
-- PACK/UNPACK contents). A lot's timeline, its mass balance and a recall's report read the
-- ledger through it instead of scanning.
CREATE TABLE lot_event (
    item            varchar(40)  NOT NULL,
    lot             varchar(20)  NOT NULL,
    ledger_seq      bigint       NOT NULL,
    PRIMARY KEY (item, lot, ledger_seq)
);

-- Open flags of one lot, for the lot detail page.
CREATE INDEX exception_lot ON exception (item, lot) WHERE status = 'OPEN';

-- Mock and real recalls, with the request as asked and the answer as given.
CREATE TABLE recall (
    id                  uuid          PRIMARY KEY,
    created_by          varchar(40)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    mock                boolean       NOT NULL,
    reason              varchar(500),
    -- a real recall's electronic signature: who signed (their name then) and its meaning; never the password
    signer_name         varchar(200),
    signature_meaning   varchar(200),
    -- the sites of the starting lots: who may see this recall
    sites               varchar(40)[] NOT NULL,
    -- the ledger as it stood when the answer was made: exports show events up to here
    as_of_seq           bigint        NOT NULL,
    affected_lots       integer       NOT NULL,
    elapsed_ms          bigint        NOT NULL,
    request             jsonb         NOT NULL,
    result              jsonb         NOT NULL
);
CREATE INDEX recall_created ON recall (created_at DESC);
