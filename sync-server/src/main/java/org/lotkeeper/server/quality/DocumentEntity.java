package org.lotkeeper.server.quality;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "document")
class DocumentEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    public String kind;
    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
