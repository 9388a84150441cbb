package org.lotkeeper.client.workflow;

import java.util.List;

import org.lotkeeper.model.lot.LotRef;

/** Read port: what the device knows of a lot's past, for the lookup screen. */
public interface LotHistory {

    /** The latest events of a lot known on the device, newest first, at most {@code limit}. */
    List<RecentEvent> recentEvents(LotRef lot, int limit);
}
