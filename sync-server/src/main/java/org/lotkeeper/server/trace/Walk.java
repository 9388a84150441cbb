package org.lotkeeper.server.trace;

import java.util.List;
import java.util.Map;

import org.lotkeeper.model.lot.LotRef;

/**
 * What one walk of the genealogy reached: every lot with its distance from the nearest start
 * (starts are 0), in the order they were reached, and every link leaving (forward) or entering
 * (backward) a reached lot, in {@code lot_link} id order.
 */
public record Walk(Map<LotRef, Integer> depths, List<Link> links) {}
