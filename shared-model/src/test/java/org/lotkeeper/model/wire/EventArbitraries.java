package org.lotkeeper.model.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.Gs1Digits;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/** Generators for valid events of every type. */
final class EventArbitraries {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SET_82 = ALNUM + "!\"%&'()*+,-./:;<=>?_";

    private EventArbitraries() {}

    private static Arbitrary<String> code() {
        Arbitrary<Character> first = Arbitraries.of(ALNUM.toCharArray());
        Arbitrary<String> rest =
                Arbitraries.strings().withChars((ALNUM + "-_./").toCharArray()).ofMaxLength(39);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    static Arbitrary<ItemCode> items() {
        return Arbitraries.oneOf(Arbitraries.of("RM-RESIN", "FG-PRIMER").map(ItemCode::of), code().map(ItemCode::of));
    }

    static Arbitrary<LotCode> lots() {
        return Arbitraries.strings()
                .withChars(SET_82.toCharArray())
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(LotCode::of);
    }

    static Arbitrary<LocationCode> locations() {
        return code().map(LocationCode::of);
    }

    static Arbitrary<PartnerCode> partners() {
        return code().map(PartnerCode::of);
    }

    static Arbitrary<Sscc> ssccs() {
        return Arbitraries.strings().numeric().ofLength(17).map(d -> Sscc.of(Gs1Digits.withCheckDigit(d)));
    }

    static Arbitrary<Reference> references() {
        return text(64).map(Reference::of);
    }

    /** Non-blank text with spaces, punctuation, accents and characters outside the BMP. */
    static Arbitrary<String> text(int max) {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', 'ß', '漢', '—')
                .ofMinLength(1)
                .ofMaxLength(max);
        return Arbitraries.oneOf(plain, plain.map(s -> s.length() + 2 <= max ? s + "🛢" : s))
                .filter(s -> !s.isBlank());
    }

    /** Decimal values with up to 15 integer digits and 9 decimals, sometimes with trailing zeros. */
    static Arbitrary<BigDecimal> positiveDecimals() {
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000000001"), new BigDecimal("1000"))
                .ofScale(9);
        Arbitrary<BigDecimal> whole =
                Arbitraries.longs().between(1, 999_999_999_999_999L).map(BigDecimal::valueOf);
        return Arbitraries.oneOf(small, whole).filter(d -> d.signum() > 0);
    }

    static Arbitrary<Quantity> positive() {
        return Combinators.combine(positiveDecimals(), Arbitraries.of(Uom.class))
                .as(Quantity::of);
    }

    static Arbitrary<Quantity> notNegative() {
        return Arbitraries.oneOf(positive(), Arbitraries.of(Uom.class).map(Quantity::zero));
    }

    static Arbitrary<Quantity> notZero() {
        return Arbitraries.oneOf(positive(), positive().map(Quantity::negate));
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1900, 1, 1).toEpochDay(),
                        LocalDate.of(2199, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2099-12-31T23:59:59.999Z").toEpochMilli())
                .map(Instant::ofEpochMilli);
    }

    private static <T> Arbitrary<T> maybe(Arbitrary<T> a) {
        return a.injectNull(0.4);
    }

    static Arbitrary<Receive> receives() {
        Arbitrary<Object[]> head = Combinators.combine(
                        partners(), references(), items(), lots(), maybe(lots()), positive())
                .as((s, r, i, l, sl, q) -> new Object[] {s, r, i, l, sl, q});
        Arbitrary<Object[]> tail = Combinators.combine(
                        maybe(dates()),
                        maybe(dates()),
                        locations(),
                        maybe(ssccs()),
                        references().list().ofMaxSize(3),
                        maybe(dates()))
                .as((e, m, loc, sscc, docs, retest) -> new Object[] {e, m, loc, sscc, docs, retest});
        return Combinators.combine(head, tail)
                .as((h, t) -> new Receive(
                        (PartnerCode) h[0],
                        (Reference) h[1],
                        (ItemCode) h[2],
                        (LotCode) h[3],
                        (LotCode) h[4],
                        (Quantity) h[5],
                        (LocalDate) t[0],
                        (LocalDate) t[1],
                        (LocationCode) t[2],
                        (Sscc) t[3],
                        references(t[4]),
                        ShelfLife.usableUntil((LocalDate) t[0], (LocalDate) t[5])));
    }

    private static List<Reference> references(Object list) {
        return ((List<?>) list).stream().map(Reference.class::cast).toList();
    }

    static Arbitrary<Pick> picks() {
        Arbitrary<Object[]> head = Combinators.combine(
                        references(), items(), lots(), positive(), locations(), locations())
                .as((o, i, l, q, f, t) -> new Object[] {o, i, l, q, f, t});
        Arbitrary<Object[]> tail = Combinators.combine(
                        maybe(partners()),
                        maybe(lots()),
                        maybe(Arbitraries.of(DeviationReason.class)),
                        text(500),
                        maybe(ssccs()))
                .as((c, s, r, n, sscc) -> new Object[] {c, s, r, n, sscc});
        return Combinators.combine(head, tail)
                .as((h, t) -> new Pick(
                        (Reference) h[0],
                        (ItemCode) h[1],
                        (LotCode) h[2],
                        (Quantity) h[3],
                        (LocationCode) h[4],
                        (LocationCode) h[5],
                        (PartnerCode) t[0],
                        (LotCode) t[1],
                        (DeviationReason) t[2],
                        t[2] == null ? null : (String) t[3],
                        (Sscc) t[4]));
    }

    static Arbitrary<Transform> transforms() {
        Arbitrary<Transform.Input> input =
                Combinators.combine(items(), lots(), positive(), locations()).as(Transform.Input::new);
        Arbitrary<Transform.Output> output = Combinators.combine(
                        items(), lots(), positive(), locations(), maybe(dates()))
                .as(Transform.Output::new);
        return Combinators.combine(
                        Arbitraries.of(TransformKind.class),
                        references(),
                        input.list().ofMinSize(1).ofMaxSize(4),
                        output.list().ofMinSize(1).ofMaxSize(3))
                .as(Transform::new);
    }

    static Arbitrary<ContainerLine> containerLines() {
        return Combinators.combine(items(), lots(), positive()).as(ContainerLine::new);
    }

    static Arbitrary<EventPayload> payloads() {
        return Arbitraries.oneOf(
                receives(),
                Combinators.combine(items(), lots(), positive(), locations(), locations(), maybe(ssccs()))
                        .as(Move::new),
                picks(),
                Combinators.combine(items(), lots(), locations(), notNegative(), maybe(references()))
                        .as(Count::new),
                Combinators.combine(references(), partners(), items(), lots(), positive(), locations(), maybe(ssccs()))
                        .as(Ship::new),
                transforms(),
                Combinators.combine(items(), lots(), Arbitraries.of(LotStatus.class), text(500))
                        .as((i, l, s, r) -> new StatusChange(i, l, s, r)),
                Combinators.combine(partners(), references(), items(), lots(), positive(), locations(), text(500))
                        .as(Return::new),
                Combinators.combine(items(), lots(), locations(), notZero(), text(500))
                        .as(Adjust::new),
                Combinators.combine(
                                ssccs(),
                                locations(),
                                containerLines().list().ofMinSize(1).ofMaxSize(4))
                        .as(Pack::new),
                Combinators.combine(
                                ssccs(),
                                locations(),
                                containerLines().list().ofMinSize(1).ofMaxSize(4))
                        .as(Unpack::new),
                Combinators.combine(
                                references(),
                                code().map(SiteCode::of),
                                items(),
                                lots(),
                                positive(),
                                locations(),
                                maybe(ssccs()))
                        .as(TransferOut::new),
                Combinators.combine(
                                references(),
                                code().map(SiteCode::of),
                                items(),
                                lots(),
                                positive(),
                                locations(),
                                maybe(ssccs()))
                        .as(TransferIn::new));
    }

    static Arbitrary<Event> events() {
        Arbitrary<EventId> ids = Arbitraries.longs().tuple2().map(t -> new EventId(new UUID(t.get1(), t.get2())));
        Arbitrary<Long> seqs = Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.1);
        return Combinators.combine(ids, seqs, instants(), code().map(UserId::of), code().map(SiteCode::of), payloads())
                .as(Event::new);
    }
}
