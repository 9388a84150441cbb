-- A partner's credential for the EPCIS capture (docs/INTEROP.md): a bearer token (only its
-- SHA-256 is kept) that captures that partner's documents into the sites named, until revoked.
CREATE TABLE partner_credential (
    id          uuid          PRIMARY KEY,
    partner     varchar(64)   NOT NULL,
    label       varchar(200)  NOT NULL,
    sites       varchar(64)[] NOT NULL,
    token_hash  char(64)      NOT NULL UNIQUE,
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    revoked_by  varchar(64),
    revoked_at  timestamptz
);
CREATE INDEX partner_credential_partner ON partner_credential (partner);
