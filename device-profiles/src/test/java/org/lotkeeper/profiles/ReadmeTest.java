package org.lotkeeper.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README is the schema's documentation: it must name every field and every bundled profile. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void documentsEveryFieldOfTheSchema() throws IOException {
        String readme = Files.readString(README);
        List<String> paths = new ArrayList<>();
        collect(ProfileJson.touch(), "", paths);

        assertThat(paths)
                .hasSizeGreaterThan(30)
                .allSatisfy(path ->
                        assertThat(readme).as("README documents " + path).contains("| `" + path + "` |"));
    }

    @Test
    void listsEveryBundledProfile() throws IOException {
        String readme = Files.readString(README);

        assertThat(DeviceProfiles.bundled().names())
                .allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
    }

    @Test
    void exampleIsAValidProfile() throws IOException {
        Matcher json = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));

        assertThat(json.find()).isTrue();
        assertThat(ProfileLoader.parse(json.group(1), "README.md").name()).isEqualTo("zebra-mc33");
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        node.properties().forEach(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            paths.add(path);
            if (field.getValue().isObject() && !field.getKey().equals("functionKeys")) {
                collect(field.getValue(), path, paths);
            }
        });
    }
}
