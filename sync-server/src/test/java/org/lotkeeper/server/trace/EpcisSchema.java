package org.lotkeeper.server.trace;

import java.util.List;

import org.lotkeeper.server.epcis.EpcisDocument;

/** The GS1 EPCIS 2.0 JSON schema the capture checks with (format assertions on), for tests of what the server writes. */
public final class EpcisSchema {

    private EpcisSchema() {}

    /** The schema's complaints about a JSON document; empty when valid. */
    public static List<String> problems(String json) {
        return EpcisDocument.problems(json);
    }
}
