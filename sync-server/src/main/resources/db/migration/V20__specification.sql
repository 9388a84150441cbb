-- An item's specifications (docs/QUALITY-CONTROL.md): versions count up from 1, each approved once
-- with an electronic signature and never changed; the one in force on a day is the highest version
-- effective on or before it. tests: the tests as the API shows them (numbers as strings).
CREATE TABLE specification (
    item           varchar(40)  NOT NULL REFERENCES item (code),
    version        integer      NOT NULL CHECK (version >= 1),
    effective_from date         NOT NULL,
    tests          jsonb        NOT NULL,
    approved_by    varchar(40)  NOT NULL,
    approved_name  varchar(200) NOT NULL,
    meaning        varchar(200) NOT NULL,
    approved_at    timestamptz  NOT NULL,
    PRIMARY KEY (item, version)
);
