package org.lotkeeper.server.quality;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "document_link")
class DocumentLinkEntity extends PanacheEntityBase {

    @Embeddable
    static class Key implements Serializable {
        @Column(name = "document_id")
        public UUID documentId;

        public String item;
        public String lot;
        /** The site the link belongs to: the lot's, or the site an item link was made for. */
        public String site;

        Key() {}

        Key(UUID documentId, String item, String lot, String site) {
            this.documentId = documentId;
            this.item = item;
            this.lot = lot;
            this.site = site;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(documentId, k.documentId)
                    && Objects.equals(item, k.item)
                    && Objects.equals(lot, k.lot)
                    && Objects.equals(site, k.site);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, item, lot, site);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "linked_at")
    public Instant linkedAt;
}
