package org.lotkeeper.server.trace;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.lotkeeper.server.testing.Api;

/** The GS1 EPCIS 2.0 JSON schema (a copy in test resources), with format assertions on. */
public final class EpcisSchema {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()))
            .getSchema(Api.resource("epcis/EPCIS-JSON-Schema.json"), InputFormat.JSON);

    private EpcisSchema() {}

    /** The schema's complaints about a JSON document; empty when valid. */
    public static List<String> problems(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
