-- A popular lot's recall answer is tens of megabytes of JSON (every shipment line of every
-- affected lot); parsing it into jsonb cost more than the whole trace. New answers are stored as
-- the exact bytes sent to the caller, gzip-compressed; older rows keep their jsonb.
ALTER TABLE recall ADD COLUMN result_gz bytea;
ALTER TABLE recall ALTER COLUMN result DROP NOT NULL;
ALTER TABLE recall ADD CONSTRAINT recall_result_kept CHECK (result IS NOT NULL OR result_gz IS NOT NULL);
