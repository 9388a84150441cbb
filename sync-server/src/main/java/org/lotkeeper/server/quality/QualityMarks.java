package org.lotkeeper.server.quality;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.lot.LotStatus;

/**
 * What an event says about a lot's fitness for use (docs/QUALITY-CONTROL.md): whether it sets the
 * lot's retest date (a receipt's, a release's, a retest's), and the QA signature that declared the
 * lot fit — a signed release, with its concession, or a signed retest.
 */
final class QualityMarks implements EventPayload.Cases<QualityMarks.Mark> {

    /**
     * @param setsRetestDate the event gives the lot a retest date
     * @param fitForUse      the QA signature declaring the lot fit for use, or null
     * @param concession     the concession of a release under one, or null
     */
    record Mark(boolean setsRetestDate, StatusChange.Signature fitForUse, String concession) {}

    private static final Mark NONE = new Mark(false, null, null);
    private static final QualityMarks MARKS = new QualityMarks();

    private QualityMarks() {}

    static Mark of(EventPayload payload) {
        return payload.accept(MARKS);
    }

    @Override
    public Mark receive(Receive r) {
        return new Mark(r.retestDate() != null, null, null);
    }

    @Override
    public Mark status(StatusChange s) {
        boolean release = s.status() == LotStatus.RELEASED;
        return new Mark(s.retestDate() != null, release ? s.signature() : null, release ? s.concession() : null);
    }

    @Override
    public Mark inspect(Inspect i) {
        return i.retest() == null ? NONE : new Mark(true, i.retest().signature(), null);
    }

    @Override
    public Mark move(Move m) {
        return NONE;
    }

    @Override
    public Mark pick(Pick p) {
        return NONE;
    }

    @Override
    public Mark count(Count c) {
        return NONE;
    }

    @Override
    public Mark ship(Ship s) {
        return NONE;
    }

    @Override
    public Mark transform(Transform t) {
        return NONE;
    }

    @Override
    public Mark returned(Return r) {
        return NONE;
    }

    @Override
    public Mark adjust(Adjust a) {
        return NONE;
    }

    @Override
    public Mark pack(Pack p) {
        return NONE;
    }

    @Override
    public Mark unpack(Unpack u) {
        return NONE;
    }

    @Override
    public Mark transferOut(TransferOut t) {
        return NONE;
    }

    @Override
    public Mark transferIn(TransferIn t) {
        return NONE;
    }
}
