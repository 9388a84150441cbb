package org.lotkeeper.model.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.wire.Flag;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code has words a person reads: never the code itself, never an underscore, never empty. */
class WordsTest {

    private static <E extends Enum<E>> List<String> problems(Class<E> type, Function<E, String> words) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String w = words.apply(e);
            boolean codeItself = w.equals(e.name()) && e.name().length() > 2; // "QA" is what people say
            if (w.isBlank() || w.contains("_") || codeItself) {
                out.add(type.getSimpleName() + "." + e.name() + " → '" + w + "'");
            }
        }
        return out;
    }

    @Test
    void everyCodeOfEveryKindHasWords() {
        List<String> problems = new ArrayList<>();
        problems.addAll(problems(LotStatus.class, Words::of));
        problems.addAll(problems(LotStatus.class, Words::inSentence));
        problems.addAll(problems(EventType.class, Words::of));
        problems.addAll(problems(TransformKind.class, Words::of));
        problems.addAll(problems(LocationType.class, Words::of));
        problems.addAll(problems(DeviationReason.class, Words::of));
        problems.addAll(problems(Flag.class, Words::of));
        problems.addAll(problems(LotOrigin.class, Words::of));
        problems.addAll(problems(LotNumbering.class, Words::of));
        problems.addAll(problems(PartnerKind.class, Words::of));
        problems.addAll(problems(Role.class, Words::of));
        problems.addAll(problems(Symbology.class, Words::of));
        assertThat(problems).isEmpty();
    }

    @Test
    void aCodeArrivingAsTextGetsTheWordsOfItsTypeOrPlainWords() {
        assertThat(Words.ofCode("ON_HOLD", LotStatus.class, Words::of)).isEqualTo("On hold");
        assertThat(Words.ofCode("COUNT_VARIANCE", Flag.class, Words::of)).isEqualTo("Count variance");
        assertThat(Words.ofCode("TEST_RESULT", LotStatus.class, Words::of)).isEqualTo("Test result");
        assertThat(Words.ofCode(null, LotStatus.class, Words::of)).isEmpty();
        assertThat(Words.ofCode("")).isEmpty();
    }
}
