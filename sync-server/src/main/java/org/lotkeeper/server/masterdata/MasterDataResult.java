package org.lotkeeper.server.masterdata;

import java.util.Map;

/** Per kind ({@code items}, {@code users} …): how many rows were created and how many updated. */
public record MasterDataResult(Map<String, Counts> counts) {

    public record Counts(int created, int updated) {}
}
