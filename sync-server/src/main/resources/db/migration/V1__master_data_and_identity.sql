-- Master data and identity. Codes follow the rules of shared-model's identifiers.

CREATE TABLE site (
    code        varchar(40) PRIMARY KEY,
    name        varchar(200) NOT NULL,
    gln         char(13)
);
