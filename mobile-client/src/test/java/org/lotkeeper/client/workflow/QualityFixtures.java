package org.lotkeeper.client.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quality.TestKind;
import org.lotkeeper.model.quality.TestUnit;
import org.lotkeeper.model.wire.ItemRow;

/** The Riverside pigment's specification as a device pulls it once QA has approved it (version 3, an assay). */
public final class QualityFixtures {

    public static final ItemCode PIGMENT = ItemCode.of("RM-PIGMENT");
    public static final Specification SPEC = new Specification(
            PIGMENT,
            3,
            LocalDate.parse("2026-01-01"),
            List.of(
                    numeric("ASSAY", "TiO2 content", "93.0", "100.0", 1, true, true),
                    numeric("MOISTURE", "Volatile matter", null, "0.50", 2, true, false),
                    new SpecTest(
                            "APPEAR",
                            "Appearance",
                            null,
                            null,
                            TestKind.TEXT,
                            null,
                            null,
                            0,
                            List.of("White powder"),
                            true,
                            false),
                    numeric("OIL", "Oil absorption", null, "25", 0, false, false)));

    private QualityFixtures() {}

    private static SpecTest numeric(
            String code, String name, String min, String max, int decimals, boolean required, boolean assay) {
        return new SpecTest(
                code,
                name,
                null,
                TestUnit.PERCENT,
                TestKind.NUMERIC,
                min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max),
                decimals,
                List.of(),
                required,
                assay);
    }

    /** RM-PIGMENT as the device pulls it once QA has approved its specification. */
    public static ItemRow withSpecification(ItemRow i) {
        return i.withSpecification(SPEC);
    }
}
