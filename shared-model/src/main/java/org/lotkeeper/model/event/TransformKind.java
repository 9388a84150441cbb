package org.lotkeeper.model.event;

/** What a TRANSFORM did with its inputs. */
public enum TransformKind {
    PRODUCTION,
    BLEND,
    SPLIT,
    MERGE,
    REWORK,
    REPACK
}
