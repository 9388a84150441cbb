-- Token buckets of the sign-in and enrollment rate limits, shared by every server instance on this
-- database (an in-memory bucket per instance would multiply the budget by the instance count).
-- tokens refill evenly at capacity per minute; updated_ms is the wall clock of the last take.
CREATE UNLOGGED TABLE rate_limit_bucket (
    key         varchar(160)     PRIMARY KEY,
    capacity    integer          NOT NULL,
    tokens      double precision NOT NULL,
    updated_ms  bigint           NOT NULL,
    taken       boolean          NOT NULL
);
CREATE INDEX rate_limit_bucket_updated ON rate_limit_bucket (updated_ms);
