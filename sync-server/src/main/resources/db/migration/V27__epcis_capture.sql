-- EPCIS 2.0 capture (docs/INTEROP.md): a partner's documents, each event stored once, and the
-- upstream genealogy of a supplier's TransformationEvents, kept apart from the plant's own ledger.
CREATE TABLE epcis_capture (
    id              uuid         PRIMARY KEY,
    partner         varchar(64)  NOT NULL,
    captured_by     varchar(64)  NOT NULL,
    captured_at     timestamptz  NOT NULL,
    document_sha256 char(64)     NOT NULL,
    events          integer      NOT NULL,
    accepted        integer      NOT NULL DEFAULT 0,
    duplicates      integer      NOT NULL DEFAULT 0,
    refused         integer      NOT NULL DEFAULT 0,
    results         text
);

-- One row per event captured: keyed by its eventID as sent, else by GS1's CBV 2.0 event hash;
-- content_hash (the CBV hash, always) tells a resent event from another event under a reused ID.
CREATE TABLE epcis_event (
    event_key       varchar(512)  PRIMARY KEY,
    content_hash    varchar(128)  NOT NULL,
    capture_id      uuid          NOT NULL REFERENCES epcis_capture (id),
    partner         varchar(64)   NOT NULL,
    event_type      varchar(32)   NOT NULL,
    event_time      timestamptz   NOT NULL,
    biz_step        varchar(256),
    expected_receipt varchar(64),
    body            text          NOT NULL
);
CREATE INDEX epcis_event_partner_time ON epcis_event (partner, event_time);

-- A supplier's transformation: each input class or instance with each output. Output and input
-- are GS1 Digital Link URIs where the EPC could be translated; gtin and lot are parsed from them.
CREATE TABLE upstream_link (
    event_key       varchar(512)  NOT NULL REFERENCES epcis_event (event_key),
    partner         varchar(64)   NOT NULL,
    output_epc      varchar(1024) NOT NULL,
    output_gtin     char(14),
    output_lot      varchar(80),
    input_epc       varchar(1024) NOT NULL,
    input_gtin      char(14),
    input_lot       varchar(80),
    input_quantity  numeric,
    input_uom       varchar(16)
);
CREATE INDEX upstream_link_output_lot ON upstream_link (partner, output_lot);
CREATE INDEX upstream_link_output_epc ON upstream_link (partner, output_epc);
CREATE INDEX upstream_link_input_lot ON upstream_link (input_lot);
