package org.lotkeeper.model.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The parser limits every Lotkeeper JSON reader uses. A push of 1,000 events is a few hundred KB
 * and nests about 7 levels deep; anything far beyond that is an attack or a bug, and is refused by
 * the parser before it costs memory.
 */
public final class JsonLimits {

    /** Deepest nesting of objects and arrays. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest JSON number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Longest property name, in characters. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Largest document, in bytes or characters. */
    public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;
    /** Most tokens in one document. */
    public static final long MAX_TOKEN_COUNT = 2_000_000;

    private JsonLimits() {}

    /** The read constraints above. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .maxTokenCount(MAX_TOKEN_COUNT)
                .build();
    }

    /**
     * A JSON factory with the limits, refusing duplicate keys (an object that says {@code lot}
     * twice is ambiguous, so it is malformed) and never closing streams it did not open.
     */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(constraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    /** A plain mapper on {@link #factory()}: trailing tokens fail, floats stay exact decimals. */
    static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder(factory())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
