-- Issue 15: a document is reached only through the sites of its links. A lot link belongs to the
-- lot's site; an item link (an SDS, a specification) to the site it was linked for. Item links made
-- before this migration were visible on every site's lot pages: they are kept that way, one link per
-- site, so nothing disappears from a page that showed it; new item links name one site.
ALTER TABLE document_link ADD COLUMN site varchar(40);

UPDATE document_link dl SET site = l.site
  FROM lot l
 WHERE dl.lot <> '' AND l.item = dl.item AND l.lot = dl.lot;

INSERT INTO document_link (document_id, item, lot, linked_by, linked_at, site)
SELECT dl.document_id, dl.item, dl.lot, dl.linked_by, dl.linked_at, s.code
  FROM document_link dl CROSS JOIN site s
 WHERE dl.lot = '' AND dl.site IS NULL;

-- a lot link whose lot is not in the ledger any more (a reset ledger) reaches nobody
DELETE FROM document_link WHERE site IS NULL;

ALTER TABLE document_link ALTER COLUMN site SET NOT NULL;
ALTER TABLE document_link DROP CONSTRAINT document_link_pkey;
ALTER TABLE document_link ADD PRIMARY KEY (document_id, item, lot, site);
CREATE INDEX document_link_site ON document_link (document_id, site);
