-- Master data and identity. Codes follow the rules of shared-model's identifiers
-- (internal codes: 1-40 characters; lot codes: 1-20 characters of GS1 set 82).

CREATE TABLE site (
    code            varchar(40)  PRIMARY KEY,
    name            varchar(200) NOT NULL,
    gln             char(13),
    updated_at      timestamptz  NOT NULL
);

CREATE TABLE item (
    code                            varchar(40)  PRIMARY KEY,
    name                            varchar(200) NOT NULL,
    gtin                            char(14) UNIQUE,
    base_uom                        varchar(3)   NOT NULL,
    qc_required                     boolean      NOT NULL,
    coa_required                    boolean      NOT NULL,
    shelf_life_days                 integer      CHECK (shelf_life_days IS NULL OR shelf_life_days > 0),
    min_remaining_shelf_life_days   integer      NOT NULL DEFAULT 0 CHECK (min_remaining_shelf_life_days >= 0),
    lot_numbering                   varchar(20)  NOT NULL,
    lot_pattern                     varchar(100),
    updated_at                      timestamptz  NOT NULL
);

CREATE TABLE item_pack_unit (
    item_code   varchar(40)    NOT NULL REFERENCES item (code),
    code        varchar(20)    NOT NULL,
    factor      numeric(24, 9) NOT NULL CHECK (factor > 0),
    PRIMARY KEY (item_code, code)
);

CREATE TABLE location (
    code            varchar(40) PRIMARY KEY,
    site            varchar(40) NOT NULL REFERENCES site (code),
    type            varchar(20) NOT NULL,
    pick_sequence   integer     NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX location_site ON location (site);

CREATE TABLE partner (
    code                            varchar(40)  PRIMARY KEY,
    name                            varchar(200) NOT NULL,
    kind                            varchar(20)  NOT NULL,
    gln                             char(13),
    min_remaining_shelf_life_days   integer      NOT NULL DEFAULT 0 CHECK (min_remaining_shelf_life_days >= 0),
    updated_at                      timestamptz  NOT NULL
);

CREATE TABLE app_user (
    user_id             varchar(40)  PRIMARY KEY,
    name                varchar(200) NOT NULL,
    badge               varchar(40)  UNIQUE,
    password_hash       varchar(200),
    -- A slow salted hash of the PIN; devices get a verifier derived from it with their own salt.
    pin_hash            varchar(300),
    enabled             boolean      NOT NULL DEFAULT true,
    failed_logins       integer      NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    updated_at          timestamptz  NOT NULL
);

CREATE TABLE user_role (
    user_id     varchar(40) NOT NULL REFERENCES app_user (user_id),
    role        varchar(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_site (
    user_id     varchar(40) NOT NULL REFERENCES app_user (user_id),
    site        varchar(40) NOT NULL REFERENCES site (code),
    PRIMARY KEY (user_id, site)
);

CREATE TABLE device (
    device_id       varchar(40)  PRIMARY KEY,
    site            varchar(40)  NOT NULL REFERENCES site (code),
    label           varchar(200) NOT NULL,
    model           varchar(100),
    profile         varchar(100),
    -- SHA-256 of the device token; the token itself is shown once, at enrollment.
    token_hash      char(64)     NOT NULL UNIQUE,
    -- Salt for this device's offline PIN verifiers.
    pin_salt        varchar(64)  NOT NULL,
    enrolled_at     timestamptz  NOT NULL,
    enrolled_by     varchar(40)  NOT NULL,
    revoked_at      timestamptz,
    revoked_by      varchar(40),
    last_seen_at    timestamptz
);

CREATE TABLE enrollment_code (
    -- SHA-256 of the single-use code.
    code_hash       char(64)     PRIMARY KEY,
    site            varchar(40)  NOT NULL REFERENCES site (code),
    label           varchar(200) NOT NULL,
    created_by      varchar(40)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz,
    device_id       varchar(40)
);

-- Token signing keys, shared by every server instance on this database. The newest active key
-- signs; retired keys still verify until the tokens they signed have expired.
CREATE TABLE signing_key (
    kid             varchar(40)  PRIMARY KEY,
    algorithm       varchar(10)  NOT NULL,
    private_key     text         NOT NULL,
    public_key      text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    retired_at      timestamptz
);

-- Who did what outside the event ledger: logins, master-data changes, enrollments, revocations.
CREATE TABLE audit_log (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL,
    actor           varchar(40)  NOT NULL,
    action          varchar(40)  NOT NULL,
    subject         varchar(200),
    site            varchar(40),
    detail          text
);
CREATE INDEX audit_log_at ON audit_log (at);
