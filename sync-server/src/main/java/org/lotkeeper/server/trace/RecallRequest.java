package org.lotkeeper.server.trace;

import java.util.List;

/**
 * {@code POST /api/v1/recalls}: start from internal lots and/or supplier lots. {@code mock}
 * defaults to true; a real recall ({@code "mock": false}) needs a reason and the caller's
 * electronic signature.
 */
public record RecallRequest(
        Boolean mock, List<LotBody> lots, List<SupplierLotBody> supplierLots, String reason, SignatureBody signature) {

    public record LotBody(String item, String lot) {}

    public record SupplierLotBody(String supplier, String supplierLot) {}

    public record SignatureBody(String password, String meaning) {}

    public boolean isMock() {
        return mock == null || mock;
    }
}
