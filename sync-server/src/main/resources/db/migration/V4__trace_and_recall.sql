-- Trace and recall: finding a lot's events in the ledger, open flags by lot, and stored recalls.

-- The lots an event names, as 'item<US>lot' keys (US = the ASCII unit separator, which neither an
-- item code nor a GS1 lot code may contain): the payload's own item + lot, and those of its
-- TRANSFORM inputs and outputs and PACK/UNPACK contents. Written in plpgsql so the planner never
-- inlines it and the expression index below always matches `lot_keys(content) @> ARRAY[key]`.
CREATE FUNCTION lot_keys(content text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    p jsonb := content::jsonb -> 'payload';
    keys text[] := '{}';
    line jsonb;
BEGIN
    IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
        RETURN keys;
    END IF;
    IF p ? 'item' AND p ? 'lot' THEN
        keys := keys || ((p ->> 'item') || E'\x1f' || (p ->> 'lot'));
    END IF;
    FOR line IN
        SELECT x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'inputs') = 'array' THEN p -> 'inputs' ELSE '[]'::jsonb END) x
        UNION ALL
        SELECT x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'outputs') = 'array' THEN p -> 'outputs' ELSE '[]'::jsonb END) x
        UNION ALL
        SELECT x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'contents') = 'array' THEN p -> 'contents' ELSE '[]'::jsonb END) x
    LOOP
        IF line ? 'item' AND line ? 'lot' AND NOT ((line ->> 'item') || E'\x1f' || (line ->> 'lot')) = ANY (keys) THEN
            keys := keys || ((line ->> 'item') || E'\x1f' || (line ->> 'lot'));
        END IF;
    END LOOP;
    RETURN keys;
END;
$$;

-- A lot's timeline, its mass balance and a recall's report find the lot's events through this
-- index (a few keys per event) instead of scanning the ledger. Ingest pays one JSON parse and a
-- small GIN entry per event; see docs/TRACE.md.
CREATE INDEX ledger_event_lot_keys ON ledger_event USING gin (lot_keys(content));

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
