package org.lotkeeper.server.security;

/**
 * The sites in master data, as security needs them: an enrollment or a user names a site that
 * must exist. Implemented by master data, which owns the sites (security may not depend on it).
 */
public interface KnownSites {

    boolean exists(String site);
}
