package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UuidV7Generator;

/** A real in-memory {@link CapturePort} for tests: keeps the payloads in order; can be told to fail. */
final class InMemoryCapture implements CapturePort {

    final List<EventPayload> payloads = new ArrayList<>();
    private final Map<ItemCode, Long> lotSequences = new HashMap<>();
    private long receipts;
    private final UuidV7Generator ids = new UuidV7Generator();
    private long seq;
    int failures;

    @Override
    public CapturedEvent capture(EventPayload payload) {
        if (failures > 0) {
            failures--;
            throw new CaptureFailedException("the disk is full");
        }
        payloads.add(payload);
        return new CapturedEvent(ids.next(), ++seq);
    }

    @Override
    public long nextLotSequence(ItemCode item) {
        return lotSequences.merge(item, 1L, Long::sum);
    }

    @Override
    public long nextReceiptNumber() {
        return ++receipts;
    }

    /** The SSCCs this fake device holds: numbers 0 … of Riverside's prefix, {@link #ssccLeft} of them left. */
    int palletNumbersLeft = 200;

    private long palletNumbersUsed;

    @Override
    public Optional<Sscc> nextSscc() {
        if (palletNumbersLeft == 0) {
            return Optional.empty();
        }
        palletNumbersLeft--;
        return Optional.of(CompanyPrefix.of("0614141").sscc(palletNumbersUsed++));
    }

    @Override
    public int ssccLeft() {
        return palletNumbersLeft;
    }

    <T extends EventPayload> List<T> all(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    EventPayload last() {
        return payloads.get(payloads.size() - 1);
    }
}
