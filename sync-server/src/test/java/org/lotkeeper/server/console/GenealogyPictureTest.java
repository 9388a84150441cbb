package org.lotkeeper.server.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text in the genealogy's boxes is cut to fit them, with an ellipsis; the whole text stays in the node's title. */
class GenealogyPictureTest {

    @Test
    void aNameThatFitsIsShownWholeAndALongerOneIsCutWithAnEllipsis() {
        assertThat(GenealogyPicture.fit("PR-1001", 19)).isEqualTo("PR-1001");
        assertThat(GenealogyPicture.fit("City Maintenance Department of Riverside", 19))
                .hasSize(19)
                .endsWith("…")
                .startsWith("City Maintenance");
        assertThat(GenealogyPicture.fit(null, 19)).isEmpty();
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String emoji = "🧪".repeat(30);
        String cut = GenealogyPicture.fit(emoji, 10);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(10);
        assertThat(cut).endsWith("…").doesNotContain("\uFFFD");
    }
}
