package org.lotkeeper.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.lotkeeper.model.wire.WireJson;

/**
 * The REST layer writes the wire records exactly as devices read them: identifiers as strings,
 * quantities as {@code {"value": "12.5", "uom": "KGM"}}, absent fields left out.
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(WireJson.module());
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }
}
