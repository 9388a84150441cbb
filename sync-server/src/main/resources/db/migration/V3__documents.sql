-- Quality documents (COA, SDS, test results, release and deviation records), kept in the
-- database so every server instance serves them and a backup holds them with the ledger.
CREATE TABLE document (
    id              uuid          PRIMARY KEY,
    kind            varchar(20)   NOT NULL,
    filename        varchar(200)  NOT NULL,
    content_type    varchar(100)  NOT NULL,
    size_bytes      bigint        NOT NULL,
    sha256          char(64)      NOT NULL,
    content         bytea         NOT NULL,
    uploaded_by     varchar(40)   NOT NULL,
    uploaded_at     timestamptz   NOT NULL
);
CREATE INDEX document_sha256 ON document (sha256);

-- A document linked to a lot (item + lot) or to an item (lot empty).
CREATE TABLE document_link (
    document_id     uuid          NOT NULL REFERENCES document (id),
    item            varchar(40)   NOT NULL,
    lot             varchar(20)   NOT NULL DEFAULT '',
    linked_by       varchar(40)   NOT NULL,
    linked_at       timestamptz   NOT NULL,
    PRIMARY KEY (document_id, item, lot)
);
CREATE INDEX document_link_lot ON document_link (item, lot);
