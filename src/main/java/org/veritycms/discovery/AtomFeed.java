package org.veritycms.discovery;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** An Atom 1.0 feed (RFC 4287) of page changes, written with ROME. */
public final class AtomFeed {

    /** The feed as a whole: its own address, the page it stands for, its title and author. */
    public record Head(String selfUrl, String siteUrl, String title, String subtitle, String author, Instant updated) {
    }

    /** One change: a stable id per page and event, the page's address, and why it is in the feed. */
    public record Entry(String id, String title, String url, Instant updated, String reason, String category) {
    }

    private AtomFeed() {
    }

    public static String write(Head head, List<Entry> entries) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(head.selfUrl());
        feed.setTitle(xml(head.title()));
        feed.setDescription(xml(head.subtitle()));
        feed.setLinks(List.of(link(head.selfUrl(), "self", "application/atom+xml"), link(head.siteUrl(), "alternate", "text/html")));
        feed.setPublishedDate(Date.from(head.updated()));
        feed.setAuthors(List.of(person(xml(head.author()), head.siteUrl())));
        feed.setEntries(entries.stream().map(AtomFeed::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
    }

    private static SyndEntry entry(Entry e) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(e.id());
        entry.setTitle(xml(e.title()));
        entry.setLink(e.url());
        entry.setUpdatedDate(Date.from(e.updated()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(xml(e.reason()));
        entry.setDescription(summary);
        if (e.category() != null) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(xml(e.category()));
            entry.setCategories(List.of(category));
        }
        return entry;
    }

    /** Text as XML 1.0 can carry it: characters it cannot hold (control characters) are dropped. */
    static String xml(String text) {
        return text == null ? null : NOT_XML.matcher(text).replaceAll("");
    }

    private static final java.util.regex.Pattern NOT_XML =
            java.util.regex.Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        person.setUri(uri);
        return person;
    }
}
