package org.lotkeeper.server.trace;

import java.util.Collection;
import java.util.Map;

import org.lotkeeper.server.masterdata.MasterDataLookup;

/** Partner and item names for an answer, looked up once per answer. */
record Names(Map<String, MasterDataLookup.PartnerInfo> partners, Map<String, MasterDataLookup.ItemInfo> items) {

    static Names of(MasterDataLookup masterData, Collection<String> partnerCodes, Collection<String> itemCodes) {
        return new Names(masterData.partners(partnerCodes), masterData.items(itemCodes));
    }

    String partner(String code) {
        MasterDataLookup.PartnerInfo p = partners.get(code);
        return p == null ? null : p.name();
    }

    String partnerGln(String code) {
        MasterDataLookup.PartnerInfo p = partners.get(code);
        return p == null ? null : p.gln();
    }

    String item(String code) {
        MasterDataLookup.ItemInfo i = items.get(code);
        return i == null ? null : i.name();
    }

    String gtin(String code) {
        MasterDataLookup.ItemInfo i = items.get(code);
        return i == null ? null : i.gtin();
    }

    /** Milliseconds since {@code startedNanos}, at least 0. */
    static long elapsedMs(long startedNanos) {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
