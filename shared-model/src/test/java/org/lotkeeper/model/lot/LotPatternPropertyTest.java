package org.lotkeeper.model.lot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.Dates;
import org.lotkeeper.model.id.Gs1Charset;
import org.lotkeeper.model.id.LotCode;

import static org.assertj.core.api.Assertions.assertThat;

class LotPatternPropertyTest {

    @Provide
    Arbitrary<LotPattern> patterns() {
        Arbitrary<String> fixedPart = Arbitraries.oneOf(
                Arbitraries.of("{YY}", "{YYYY}", "{MM}", "{DD}", "{JJJ}"),
                Arbitraries.strings()
                        .withChars("ABCZaz09-./_%()")
                        .ofMinLength(1)
                        .ofMaxLength(3));
        Arbitrary<List<String>> fixedParts = fixedPart.list().ofMaxSize(5);
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 9);
        return Combinators.combine(
                        fixedParts,
                        width,
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 10))
                .as((fixed, w, devAt, seqAt) -> {
                    List<String> all = new ArrayList<>(fixed);
                    all.add(Math.min(seqAt, all.size()), "{SEQ:" + w + "}");
                    all.add(Math.min(devAt, all.size()), "{DEV}");
                    return String.join("", all);
                })
                .filter(text -> {
                    try {
                        LotPattern.parse(text);
                        return true;
                    } catch (LotNumberingException e) {
                        return false;
                    }
                })
                .map(LotPattern::parse);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Dates.dates().between(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
    }

    @Provide
    Arbitrary<DeviceTag> tags() {
        return Arbitraries.longs().between(1, DeviceTag.MAX_NUMBER).map(DeviceTag::forEnrollmentNumber);
    }

    private static long fit(LotPattern pattern, long sequence) {
        return sequence % (pattern.maxSequence() + 1);
    }

    @Property
    void twoDevicesNeverMakeTheSameCodeForTheSameDateAndSequence(
            @ForAll("patterns") LotPattern pattern,
            @ForAll("tags") DeviceTag a,
            @ForAll("tags") DeviceTag b,
            @ForAll("dates") LocalDate date,
            @ForAll @LongRange(min = 0, max = 999_999_999) long sequence) {
        Assume.that(!a.equals(b));
        long seq = fit(pattern, sequence);
        assertThat(pattern.generate(a, date, seq)).isNotEqualTo(pattern.generate(b, date, seq));
    }

    @Property
    void twoDevicesNeverMakeTheSameCodeWhateverTheirDatesAndSequences(
            @ForAll("patterns") LotPattern pattern,
            @ForAll("tags") DeviceTag a,
            @ForAll("tags") DeviceTag b,
            @ForAll("dates") LocalDate dateA,
            @ForAll("dates") LocalDate dateB,
            @ForAll @LongRange(min = 0, max = 999_999_999) long seqA,
            @ForAll @LongRange(min = 0, max = 999_999_999) long seqB) {
        Assume.that(!a.equals(b));
        assertThat(pattern.generate(a, dateA, fit(pattern, seqA)))
                .isNotEqualTo(pattern.generate(b, dateB, fit(pattern, seqB)));
    }

    @Property
    void oneDeviceNeverRepeatsACodeForTheSameDate(
            @ForAll("patterns") LotPattern pattern,
            @ForAll("tags") DeviceTag tag,
            @ForAll("dates") LocalDate date,
            @ForAll @LongRange(min = 0, max = 999_999_999) long s1,
            @ForAll @LongRange(min = 0, max = 999_999_999) long s2) {
        long a = fit(pattern, s1);
        long b = fit(pattern, s2);
        Assume.that(a != b);
        assertThat(pattern.generate(tag, date, a)).isNotEqualTo(pattern.generate(tag, date, b));
    }

    @Property
    void everyGeneratedCodeIsAValidLotCodeWithinTheMaximumLength(
            @ForAll("patterns") LotPattern pattern,
            @ForAll("tags") DeviceTag tag,
            @ForAll("dates") LocalDate date,
            @ForAll @LongRange(min = 0, max = 999_999_999) long sequence) {
        LotCode code = pattern.generate(tag, date, fit(pattern, sequence));
        assertThat(code.value().length())
                .isLessThanOrEqualTo(pattern.maxLength())
                .isLessThanOrEqualTo(LotCode.MAX_LENGTH);
        assertThat(Gs1Charset.firstOutsideSet82(code.value())).isEqualTo(-1);
        assertThat(code.value()).contains(tag.value());
    }
}
