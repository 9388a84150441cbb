package org.lotkeeper.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and validates one profile. Strict on purpose: a profile is configuration, so a typo must
 * fail loudly instead of silently falling back to a default. Unknown fields, duplicate fields,
 * comments, trailing content and wrong types are errors; every problem found is listed in one
 * {@link InvalidProfileException}, each with its JSON path.
 */
public final class ProfileLoader {

    /** Larger files are refused before parsing; real profiles are about 2 KB. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ProfileLoader() {}

    /**
     * The profile in {@code file} (an administrator's custom profile). Problems are reported
     * against the file's name.
     *
     * @throws InvalidProfileException when the file is not a valid profile
     * @throws IOException             when it cannot be read (missing, unreadable)
     */
    public static DeviceProfile load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, String.valueOf(file.getFileName()));
        }
    }

    /**
     * The profile in {@code in}, which this method does not close.
     *
     * @param source named in problems, e.g. {@code zebra-tc5x.json}
     */
    public static DeviceProfile read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw invalid(source, "the file is larger than " + MAX_BYTES / 1024 + " KB; a profile is about 2 KB");
        }
        return ProfileReader.read(tree(bytes, source), source);
    }

    /**
     * The profile in {@code json}.
     *
     * @param source named in problems, e.g. {@code zebra-tc5x.json}
     */
    public static DeviceProfile parse(String json, String source) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        return ProfileReader.read(tree(json.getBytes(StandardCharsets.UTF_8), source), source);
    }

    /** The JSON tree of {@code bytes}; {@link InvalidProfileException} when they are not one JSON value. */
    static JsonNode tree(byte[] bytes, String source) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw invalid(source, "the file is empty; a profile is one JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            String why = e.getOriginalMessage().startsWith("Trailing token")
                    ? "more follows the profile's closing brace; a file holds one JSON object"
                    : e.getOriginalMessage();
            throw invalid(source, "not valid JSON" + at + ": " + why);
        } catch (IOException e) {
            throw invalid(source, "could not be parsed: " + e.getMessage());
        }
    }

    private static InvalidProfileException invalid(String source, String message) {
        return new InvalidProfileException(source, List.of(new Problem("", message)));
    }
}
