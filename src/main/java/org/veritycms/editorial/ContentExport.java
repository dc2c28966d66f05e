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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.veritycms.account.SignedIn;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.Page;
import org.veritycms.page.PageDocument;
import org.veritycms.page.PageRepository;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;

/**
 * Writes the database's topics and pages back to the content format, as a zip of
 * {@code topics.yaml} and {@code pages/<topic>/<slug>.md}: importing it gives the same pages.
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
            for (Page page : all) {
                put(zip, "pages/" + page.topic().slug() + "/" + page.slug() + ".md", PageDocument.forExport(page));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.size();
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
