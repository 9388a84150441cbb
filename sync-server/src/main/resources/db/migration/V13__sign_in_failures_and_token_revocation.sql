-- Issue 15: failed sign-ins are counted per user name and client address, so an outsider who
-- guesses locks out only their own address, never the account (docs/SECURITY.md, "Lockout").
CREATE TABLE sign_in_failure (
    -- SHA-256 of the user name as typed and the client address: any name, known or not, counts alike
    id              char(64)      PRIMARY KEY,
    -- SHA-256 of the user name alone: what a supervisor's unlock clears
    user_key        char(64)      NOT NULL,
    failures        integer       NOT NULL,
    locked_until    timestamptz,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX sign_in_failure_user ON sign_in_failure (user_key);
CREATE INDEX sign_in_failure_updated ON sign_in_failure (updated_at);

-- A signed-out token is refused until it would have expired anyway.
CREATE TABLE revoked_token (
    jti             varchar(64)   PRIMARY KEY,
    user_id         varchar(40)   NOT NULL,
    expires_at      timestamptz   NOT NULL
);
CREATE INDEX revoked_token_expires ON revoked_token (expires_at);

-- Every token names the version it was issued under; a new password or a disabled account
-- moves the version on, and older tokens stop at their next request.
ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0;
