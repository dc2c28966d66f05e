package org.veritycms.editorial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.veritycms.account.SignedIn;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.Page;
import org.veritycms.page.PageDocument;
import org.veritycms.page.PageRevision;
import org.veritycms.shared.ContentHash;
import org.veritycms.page.PageRepository;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;

/**
 * Writes the database's topics and pages back to the content format, as a zip of
 * {@code topics.yaml} and {@code pages/<topic>/<slug>.md}: importing it gives the same pages. Beside
 * them, {@code revisions/<topic>/<slug>/<n>.md} holds the canonical document of every revision
 * that was live or signed off, and {@code revisions/SHA256SUMS} their hashes as the review
 * records and the public review history give them, so {@code sha256sum -c SHA256SUMS} checks them.
 */
@ApplicationScoped
public class ContentExport {

    @Inject
    PageRepository pages;

    @Inject
    TopicRepository topics;

    @Inject
    AuditLog audit;

    /** The whole content folder as a zip. */
    @Transactional
    public byte[] zip(SignedIn who) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count = write(bytes);
        audit.record(who.username(), "content.export", "content", "all", null, Map.of("pages", count));
        return bytes.toByteArray();
    }

    private int write(OutputStream out) {
        List<Page> all = pages.findAllForExport();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "topics.yaml", topicsYaml(topics.findAll()));
            StringBuilder sums = new StringBuilder();
            for (Page page : all) {
                put(zip, "pages/" + page.topic().slug() + "/" + page.slug() + ".md", PageDocument.forExport(page));
                for (PageRevision revision : signedOrLive(page)) {
                    String name = page.topic().slug() + "/" + page.slug() + "/" + revision.number() + ".md";
                    put(zip, "revisions/" + name, revision.document());
                    // revisions saved before whole-document hashing carry a hash of the body alone
                    if (ContentHash.of(revision.document()).equals(revision.contentHash())) {
                        sums.append(revision.contentHash()).append("  ").append(name).append('\n');
                    }
                }
            }
            put(zip, "revisions/SHA256SUMS", sums.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.size();
    }

    /** The revisions readers saw or a reviewer signed: the live one, and every one a review names. */
    private List<PageRevision> signedOrLive(Page page) {
        Set<Integer> numbers = new TreeSet<>();
        if (page.liveRevision() != null) {
            numbers.add(page.liveRevision());
        }
        if (page.id() != null) {
            pages.reviewsOf(page.id()).forEach(r -> numbers.add(r.revisionNumber()));
        }
        List<PageRevision> revisions = new ArrayList<>();
        numbers.forEach(n -> pages.revision(page, n).ifPresent(revisions::add));
        return revisions;
    }

    static String topicsYaml(List<Topic> topics) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Topic t : topics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", t.slug());
            m.put("title", t.title());
            m.put("description", t.description());
            m.put("tier", t.defaultTier().name());
            entries.add(m);
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(entries);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
