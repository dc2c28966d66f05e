package org.veritycms.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Appends entries to the audit log, in the transaction of the action they describe (an action that
 * rolls back leaves no entry), and reads them back. Only the values that changed are kept.
 */
@ApplicationScoped
public class AuditLog {

    /** What to look for; null fields match everything. */
    public record Filter(String actor, String action, String subjectType, String subject, Instant from, Instant to) {
        public static Filter all() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records an action. {@code before} and {@code after} are the subject's values either side of
     * it (null for none); values equal on both sides are left out, so the entry shows the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, String action, String subjectType, String subject,
            Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        if (before != null) {
            before.forEach((k, v) -> {
                if (after == null || !after.containsKey(k) || !Objects.equals(v, after.get(k))) {
                    was.put(k, text(v));
                }
            });
        }
        if (after != null) {
            after.forEach((k, v) -> {
                if (before == null || !before.containsKey(k) || !Objects.equals(v, before.get(k))) {
                    is.put(k, text(v));
                }
            });
        }
        AuditEntry entry = new AuditEntry(clock.instant(), actor, action, subjectType, subject,
                before == null ? null : JSON.toJson(was), after == null ? null : JSON.toJson(is));
        em.persist(entry);
        return entry;
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> find(Filter filter, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        where(jpql, params, "e.actor = :actor", "actor", blankToNull(filter.actor()));
        where(jpql, params, "e.action = :action", "action", blankToNull(filter.action()));
        where(jpql, params, "e.subjectType = :subjectType", "subjectType", blankToNull(filter.subjectType()));
        where(jpql, params, "e.subject = :subject", "subject", blankToNull(filter.subject()));
        where(jpql, params, "e.occurredAt >= :from", "from", filter.from());
        where(jpql, params, "e.occurredAt < :to", "to", filter.to());
        jpql.append(" order by e.occurredAt desc, e.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
    }

    private static void where(StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Object text(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(AuditLog::text).toList();
        }
        return value.toString();
    }
}
