-- What an expected receipt (PO, ASN) got: its receipts by reference and supplier, for the tasks' progress.
CREATE INDEX receipt_reference ON receipt (reference, supplier);
