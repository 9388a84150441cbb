package org.lotkeeper.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.ledger.ExceptionService;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.DeviceService;
import org.lotkeeper.server.trace.KdeCompleteness;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.TransferService;
import org.lotkeeper.server.trace.Views;

/**
 * The dashboard: open exceptions by flag, lots with stock expiring within 30/60/90 days (a bar
 * chart drawn on the server), lots waiting for QA, lots due for retest within 30 days, the devices with their last sync and held
 * rejections (supervisors), the ingest rate, and (QA, supervisors) the events of the last 30 days
 * lacking a FSMA 204 key data element, counted in the background. Every figure is one aggregate query.
 */
@Path("/console/dashboard")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DashboardPage extends ConsoleResource {

    static final int WAITING = 10;

    @TemplateData
    public record DashboardView(
            Map<String, Long> openFlags,
            long openTotal,
            List<Bar> expiry,
            List<LotPages.Hit> quarantine,
            List<LotPages.Hit> onHold,
            boolean moreWaiting,
            List<RetestRow> retest,
            List<DeviceRow> devices,
            long lastHour,
            long lastDay,
            int rateWindow,
            long inTransit,
            java.util.Optional<KdeCompleteness.Counted> kdeGaps) {

        /** No lot with stock has expired or expires within 90 days: a sentence instead of an empty chart. */
        public boolean noExpiry() {
            return expiry.stream().allMatch(b -> b.count() == 0);
        }
    }

    /** A lot due for retest within {@link #RETEST_DAYS} days, or already due. */
    @TemplateData
    public record RetestRow(LotPages.Hit hit, java.time.LocalDate retestDate, boolean overdue) {}

    /** How far ahead the dashboard lists lots due for retest. */
    static final int RETEST_DAYS = 30;

    /** One bar of the expiry chart, laid out on the server. */
    @TemplateData
    public record Bar(String label, long count, int x, int y, int height, boolean expired) {
        public int labelX() {
            return x + 30;
        }

        public int countY() {
            return y - 5;
        }
    }

    /** A device with when it last pushed (its newest stored event) and the rejected events it holds. */
    @TemplateData
    public record DeviceRow(DeviceService.DeviceView device, Instant lastPush, long rejected) {

        static List<DeviceRow> of(List<DeviceService.DeviceView> fleet, ProjectionQueries projections) {
            List<String> ids =
                    fleet.stream().map(DeviceService.DeviceView::deviceId).toList();
            Map<String, Long> rejected = projections.rejectedByDevice(ids);
            Map<String, Instant> pushed = projections.lastPushByDevice(ids);
            return fleet.stream()
                    .map(d -> new DeviceRow(d, pushed.get(d.deviceId()), rejected.getOrDefault(d.deviceId(), 0L)))
                    .toList();
        }
    }

    static final int CHART_HEIGHT = 150;

    @Inject
    ExceptionService exceptions;

    @Inject
    LotService lots;

    @Inject
    DeviceService devices;

    @Inject
    ProjectionQueries projections;

    @Inject
    TransferService transfers;

    @Inject
    KdeCompleteness kde;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance show() {
        Actor actor = session.require();
        Map<String, Long> flags = exceptions.openByFlag(actor);
        Views.ExpiryBuckets b = lots.expiring(actor);
        List<LotPages.Hit> quarantine = hits(lots.search(actor, null, null, null, "QUARANTINE", "", "", WAITING + 1));
        List<LotPages.Hit> onHold = hits(lots.search(actor, null, null, null, "ON_HOLD", "", "", WAITING + 1));
        boolean more = quarantine.size() > WAITING || onHold.size() > WAITING;
        List<DeviceRow> fleet = actor.hasRole(Role.SUPERVISOR)
                ? DeviceRow.of(
                        devices.list(actor).stream()
                                .filter(d -> d.revokedAt() == null)
                                .toList(),
                        projections)
                : List.of();
        Instant now = clock.instant();
        String[] sites = actor.allSites() ? null : actor.sites().toArray(String[]::new);
        return Pages.dashboard(
                session.chrome(actor, "dashboard", "Dashboard"),
                new DashboardView(
                        flags,
                        flags.values().stream().mapToLong(Long::longValue).sum(),
                        chart(b),
                        quarantine.subList(0, Math.min(WAITING, quarantine.size())),
                        onHold.subList(0, Math.min(WAITING, onHold.size())),
                        more,
                        lots.dueForRetest(actor, RETEST_DAYS, WAITING).stream()
                                .map(r -> new RetestRow(
                                        new LotPages.Hit(
                                                r.lot(),
                                                ConsoleLinks.lot(
                                                        r.lot().item(), r.lot().lot())),
                                        r.retestDate(),
                                        r.overdue()))
                                .toList(),
                        fleet,
                        projections.recordedSince(now.minus(Duration.ofHours(1)), sites),
                        projections.recordedSince(now.minus(Duration.ofDays(1)), sites),
                        ProjectionQueries.RATE_WINDOW_EVENTS,
                        transfers.count(actor),
                        actor.hasAnyRole(java.util.Set.of(Role.QA, Role.SUPERVISOR))
                                ? kde.incompleteLately(actor)
                                : java.util.Optional.empty()));
    }

    static List<Bar> chart(Views.ExpiryBuckets b) {
        long[] counts = {b.expired(), b.within30(), b.within60(), b.within90()};
        String[] labels = {"expired", "≤ 30 days", "31–60 days", "61–90 days"};
        long max = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int h = (int) Math.round((double) counts[i] / max * (CHART_HEIGHT - 30));
            bars.add(new Bar(labels[i], counts[i], 20 + i * 90, CHART_HEIGHT - h, h, i == 0));
        }
        return bars;
    }

    private static List<LotPages.Hit> hits(List<Views.LotHit> found) {
        return found.stream()
                .map(h -> new LotPages.Hit(h, ConsoleLinks.lot(h.item(), h.lot())))
                .toList();
    }
}
