package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.Sscc;

/**
 * A block of SSCCs the server handed to one device (pull {@code ssccBlock}) or printed as a roll of
 * blank pallet labels: the numbers {@code first … first + count - 1} of the site's company prefix.
 * No two blocks overlap, so a device numbers pallets offline without ever colliding.
 *
 * @param id     the block's number on the server (grows)
 * @param prefix the site's GS1 company prefix
 * @param first  the first SSCC number of the block
 * @param count  how many SSCCs it holds, at least 1
 */
public record SsccBlock(long id, CompanyPrefix prefix, long first, int count) {

    /** Checks the invariants. */
    public SsccBlock {
        Objects.requireNonNull(prefix, "prefix is required");
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (first < 0 || first + count > prefix.ssccCapacity()) {
            throw new IllegalArgumentException("the block " + first + " + " + count + " does not fit prefix " + prefix);
        }
    }

    /** The {@code index}-th SSCC of the block, 0-based. */
    public Sscc sscc(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " of a block of " + count);
        }
        return prefix.sscc(first + index);
    }
}
