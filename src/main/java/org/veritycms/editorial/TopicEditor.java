package org.veritycms.editorial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.PageChanged;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicChanged;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.PlainText;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Editors create topics and change how one is described (title, description, default risk tier,
 * place in the list); a topic's address never changes once pages may link to it. Each change is
 * audited, and every page of a changed topic is announced as changed, so that caches and the
 * search index on every node show the new title.
 */
@ApplicationScoped
public class TopicEditor {

    /** What an editor typed for a topic. */
    public record TopicInput(String slug, String title, String description, String tier, String position) {
    }

    /** First words of addresses the site itself uses: a topic there would be hidden behind them. */
    static final Set<String> RESERVED = Set.of("admin", "api", "assets", "media", "search", "subscribe", "unsubscribe",
            "comments", "health", "openapi", "feed", "sitemap", "robots", "favicon", "test-fixtures");

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    TopicRepository topics;

    @Inject
    AuditLog audit;

    @Inject
    Event<PageChanged> changes;

    @Inject
    Event<TopicChanged> topicChanges;

    @Transactional
    public Topic create(TopicInput input, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String slug = input.slug() == null ? "" : input.slug().strip();
        if (!Slug.isValid(slug)) {
            errors.add(new Problem.FieldError("slug", "must be lower-case words joined by hyphens, such as back-pain"));
        } else if (RESERVED.contains(slug)) {
            errors.add(new Problem.FieldError("slug", "is an address the site itself uses; choose another"));
        } else if (topics.findBySlug(slug).isPresent()) {
            errors.add(new Problem.FieldError("slug", "is already a topic"));
        }
        Described described = described(input, errors);
        refuseIf(errors);
        Topic topic = new Topic(new Slug(slug), described.title(), described.description(), described.tier(), described.position());
        topics.add(topic);
        audit.record(actor, "topic.create", "topic", slug, null, snapshot(topic));
        topicChanges.fire(new TopicChanged(slug));
        return topic;
    }

    @Transactional
    public Topic update(String slug, TopicInput input, String actor) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no topic '" + slug + "'."));
        List<Problem.FieldError> errors = new ArrayList<>();
        Described described = described(input, errors);
        refuseIf(errors);
        Map<String, Object> before = snapshot(topic);
        topic.describe(described.title(), described.description(), described.tier(), described.position());
        Map<String, Object> after = snapshot(topic);
        if (!after.equals(before)) {
            audit.record(actor, "topic.update", "topic", slug, before, after);
            em.createQuery("select p.slug from Page p where p.topic = :t", String.class).setParameter("t", topic)
                    .getResultList().forEach(page -> changes.fire(new PageChanged(page)));
            topicChanges.fire(new TopicChanged(slug));
        }
        return topic;
    }

    private record Described(String title, String description, RiskTier tier, int position) {
    }

    private static Described described(TopicInput input, List<Problem.FieldError> errors) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || title.length() > 120 || !PlainText.Validator.isPlain(title, false)) {
            errors.add(new Problem.FieldError("title", "is required: plain text of at most 120 characters"));
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.length() > 500 || !PlainText.Validator.isPlain(description, true)) {
            errors.add(new Problem.FieldError("description", "is plain text of at most 500 characters"));
        }
        RiskTier tier = null;
        try {
            tier = RiskTier.valueOf(String.valueOf(input.tier()));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("tier", "must be HIGH, STANDARD or LOW"));
        }
        int position = 0;
        try {
            position = input.position() == null || input.position().isBlank() ? 0 : Integer.parseInt(input.position().strip());
            if (position < 0 || position > 10_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError("position", "must be a whole number from 0 to 10000"));
        }
        return new Described(title, description, tier, position);
    }

    private static void refuseIf(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some fields are not valid.", errors);
        }
    }

    private static Map<String, Object> snapshot(Topic topic) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", topic.title());
        s.put("description", topic.description());
        s.put("tier", topic.defaultTier().name());
        s.put("position", topic.position());
        return s;
    }
}
