package org.lotkeeper.model.fefo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.quantity.Quantity;

/**
 * FEFO allocation and scan checking (docs/DOMAIN.md, "FEFO-guided picking"). One set of pure functions
 * for the device and the server.
 *
 * <p><b>Candidates.</b> A stock row takes part when it is of the line's item, has a quantity above
 * zero, and is {@linkplain Availability available} for picking: RELEASED, not expired, at least
 * the line's required remaining shelf life left, and in a pickable location.
 *
 * <p><b>Order</b> ({@link #ORDER}): the last day a lot may be used ascending — its expiry, or its
 * retest date when that comes first (docs/QUALITY-CONTROL.md) — lots without either last; then
 * receipt/production time ascending (FIFO; unknown last); then the location's pick sequence;
 * then, so that every device and the server agree, lot code and location code (plain string
 * order).
 *
 * <p><b>Deviation.</b> A picked lot is a FEFO deviation when another available lot of the same
 * item with stock in a pickable location may be used strictly less long (expiry or retest date; a
 * lot without either is later than any date). A lot with the same expiry as the suggestion is not a deviation, whatever FIFO
 * or the pick sequence say.
 *
 * <p>Quantities are in the item's base unit. Quantities in another unit of the same dimension are
 * converted exactly (or the call fails); allocations are in the line's unit. Production
 * consumption may use the same planner with a line of no minimum shelf life (consumption ignores
 * the minimum; expiry still applies).
 */
public final class Fefo {

    /** The FEFO order of candidates described above. */
    public static final Comparator<StockCandidate> ORDER = Comparator.comparing(
                    StockCandidate::usableUntil, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(StockCandidate::receivedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(StockCandidate::pickSequence)
            .thenComparing(c -> c.lot().lot().value())
            .thenComparing(c -> c.location().value());

    private record RowKey(LotRef lot, LocationCode location) {}

    private Fefo() {}

    /**
     * The candidates that may be allocated to the line, in FEFO order.
     *
     * @throws IllegalArgumentException when two rows name the same lot and location
     */
    public static List<StockCandidate> eligible(
            OrderLine line, Collection<StockCandidate> candidates, LocalDate today) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(today, "today");
        Set<RowKey> seen = new HashSet<>();
        List<StockCandidate> eligible = new ArrayList<>();
        for (StockCandidate c : candidates) {
            if (!seen.add(new RowKey(c.lot(), c.location()))) {
                throw new IllegalArgumentException(
                        "stock of lot " + c.lot() + " at " + c.location() + " is listed twice");
            }
            if (c.quantity().isPositive()
                    && availability(line, c.facts(), today).isAvailable()) {
                eligible.add(c);
            }
        }
        eligible.sort(ORDER);
        return eligible;
    }

    /**
     * Allocates the line greedily in FEFO order until it is covered; reports any shortfall.
     *
     * @param line       the order line
     * @param candidates the stock rows known (any item, any status); at most one per (lot, location)
     * @param today      the plant's current date
     */
    public static FefoPlan allocate(OrderLine line, Collection<StockCandidate> candidates, LocalDate today) {
        Quantity wanted = line.quantity();
        Quantity remaining = wanted;
        List<Allocation> allocations = new ArrayList<>();
        for (StockCandidate c : eligible(line, candidates, today)) {
            if (remaining.isZero()) {
                break;
            }
            Quantity take = c.quantity().to(wanted.uom()).min(remaining);
            allocations.add(new Allocation(c.lot(), c.location(), take));
            remaining = remaining.minus(take);
        }
        return new FefoPlan(allocations, wanted.minus(remaining), remaining);
    }

    /**
     * Judges a scanned lot for the line, for the device's guidance and the server's ingest.
     * BLOCKED when the scanned stock is unavailable or of another item (every reason listed);
     * otherwise DEVIATION when an available lot (of the line's item, with stock, other than the
     * scanned lot) expires strictly earlier, else FEFO_OK.
     *
     * @param line       the order line
     * @param candidates the stock rows known, as for {@link #allocate}
     * @param scanned    the scanned lot at the scanned location, with its status and expiry (it
     *                   need not be among the candidates: the ledger may not know that stock yet)
     * @param today      the plant's current date
     */
    public static ScanCheck checkScan(
            OrderLine line, Collection<StockCandidate> candidates, LotAtLocation scanned, LocalDate today) {
        Objects.requireNonNull(scanned, "scanned");
        Optional<Allocation> suggestion = allocate(line, candidates, today).suggestion();
        AvailabilityResult availability = availability(line, scanned, today);
        if (!availability.isAvailable()) {
            return new ScanCheck(ScanOutcome.BLOCKED, availability.problems(), suggestion);
        }
        Optional<StockCandidate> earlier = earlierExpiring(line, candidates, scanned, today);
        if (earlier.isPresent()) {
            return new ScanCheck(ScanOutcome.DEVIATION, List.of(), suggestion);
        }
        return new ScanCheck(ScanOutcome.FEFO_OK, List.of(), suggestion);
    }

    /**
     * The first (in FEFO order) eligible candidate of another lot that expires strictly earlier
     * than {@code picked}; present exactly when picking {@code picked} is a FEFO deviation. The
     * picked stock's own availability is not judged here.
     */
    public static Optional<StockCandidate> earlierExpiring(
            OrderLine line, Collection<StockCandidate> candidates, LotAtLocation picked, LocalDate today) {
        Objects.requireNonNull(picked, "picked");
        for (StockCandidate c : eligible(line, candidates, today)) {
            if (!c.lot().equals(picked.lot()) && expiresStrictlyEarlier(c.usableUntil(), picked.usableUntil())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code a} is strictly before {@code b}, where {@code null} means "never expires". */
    static boolean expiresStrictlyEarlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return false;
        }
        return b == null || a.isBefore(b);
    }

    private static AvailabilityResult availability(OrderLine line, LotAtLocation stock, LocalDate today) {
        return Availability.check(stock, line.item(), StockUse.PICK, line.requiredRemainingShelfLifeDays(), today);
    }
}
