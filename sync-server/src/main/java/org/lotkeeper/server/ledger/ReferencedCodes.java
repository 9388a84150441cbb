package org.lotkeeper.server.ledger;

import java.util.HashSet;
import java.util.Set;

import org.lotkeeper.model.event.CodeRef;
import org.lotkeeper.model.event.Event;

/** The master-data codes and users a set of events names, to be looked up once. */
final class ReferencedCodes {

    final Set<String> items = new HashSet<>();
    final Set<String> locations = new HashSet<>();
    final Set<String> partners = new HashSet<>();
    final Set<String> users = new HashSet<>();
    final Set<String> sites = new HashSet<>();

    ReferencedCodes add(Event e) {
        users.add(e.userId().value());
        for (CodeRef ref : e.codes()) {
            switch (ref.kind()) {
                case ITEM -> items.add(ref.value());
                case LOCATION -> locations.add(ref.value());
                case PARTNER -> partners.add(ref.value());
                case SITE -> sites.add(ref.value());
            }
        }
        return this;
    }
}
