package org.lotkeeper.server.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who did what outside the event ledger: logins, master-data changes, enrollments, revocations,
 * document links. Written in the caller's transaction, so an action and its audit row commit
 * together. Never holds a password, PIN, token or signature.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String site, String detail) {
        em.createNativeQuery(
                        "INSERT INTO audit_log (at, actor, action, subject, site, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, clock.instant())
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, subject)
                .setParameter(5, site)
                .setParameter(6, detail)
                .executeUpdate();
    }
}
