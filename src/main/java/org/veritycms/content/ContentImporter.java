package org.veritycms.content;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.veritycms.page.MarkdownRenderer;
import org.veritycms.page.PageRepository;
import org.veritycms.page.RiskTier;

/**
 * Imports a content folder: topics first, then every page file, each in its own transaction.
 * Idempotent: an unchanged file leaves its page alone. A bad file is reported with its name
 * and line and never stops the others.
 */
@ApplicationScoped
public class ContentImporter {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class.getName());
    private static final int PROGRESS_EVERY = 500;
    /** Page files applied in one transaction: one commit per batch rather than per file. */
    private static final int BATCH = 100;
    /**
     * Batches written at once, each in its own transaction: one thread alternated between preparing a
     * batch's rows and waiting for the database to store them, so two keep both busy.
     */
    private static final int WRITERS = 2;

    private final PageFileImport fileImport;
    private final PageRepository pages;
    private final ContentFolder folder;
    private final ImportRuns runs;

    @Inject
    Event<ContentImported> imported;

    @Inject
    MarkdownRenderer markdown;

    /**
     * Threads for rendering bodies ahead. Not the managed executor: its tasks wait while the server is
     * suspended, and it is suspended while it boots, which is when the content folder is imported.
     */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    public ContentImporter(PageFileImport fileImport, PageRepository pages, ContentFolder folder, ImportRuns runs) {
        this.fileImport = fileImport;
        this.pages = pages;
        this.folder = folder;
        this.runs = runs;
    }

    protected ContentImporter() {
        this(null, null, null, null);
    }

    /**
     * Imports the content folder when the database holds no pages yet, or when an earlier import of
     * it was cut off before its end (the node killed mid-way): the re-run finds the pages already
     * written unchanged and writes the rest.
     */
    public void importIfNeeded() {
        Path root = folder.root();
        if (pages.count() == 0 || runs.unfinished(root)) {
            runs.started(root);
            runs.finished(root, importFolder(root));
        }
    }

    public ImportReport importFolder(Path root) {
        long started = System.nanoTime();
        ImportReport report = new ImportReport();
        Map<String, RiskTier> tiers = importTopics(root, report);
        List<Path> files = pageFiles(root.resolve("pages"), report);
        ExecutorService renderers = threads == null ? null
                : Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        ExecutorService writers = threads == null ? null : Executors.newFixedThreadPool(WRITERS, threads);
        try {
            importPages(root, files, tiers, report, renderers, writers);
        } finally {
            if (renderers != null) {
                renderers.shutdownNow();
                writers.shutdownNow();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Content import from " + root + ": " + report + " in " + millis + " ms");
        report.problems().forEach(p -> LOG.warning(() -> "Content import problem: " + p));
        if (report.created() + report.updated() > 0) {
            imported.fire(new ContentImported(root, report.created(), report.updated()));
        }
        return report;
    }

    private void importPages(Path root, List<Path> files, Map<String, RiskTier> tiers, ImportReport report,
            ExecutorService renderers, ExecutorService writers) {
        Progress progress = new Progress(files.size());
        Deque<Written> writing = new ArrayDeque<>();
        // a pipeline: the next batch is read and its bodies rendered on other threads while the ones before
        // it are written, each in its own transaction, by WRITERS threads at once
        Prepared next = files.isEmpty() ? null : prepare(root, files.subList(0, Math.min(files.size(), BATCH)), tiers, report,
                renderers);
        for (int from = 0; from < files.size(); from += BATCH) {
            Prepared batch = next;
            int after = from + BATCH;
            next = after < files.size() ? prepare(root, files.subList(after, Math.min(files.size(), after + BATCH)), tiers, report,
                    renderers) : null;
            if (writers == null) {
                apply(batch, report);
                progress.written(batch.size());
                continue;
            }
            while (writing.size() >= WRITERS) {
                writing.removeFirst().await(progress);
            }
            writing.add(new Written(batch.size(), writers.submit(() -> apply(batch, report))));
        }
        while (!writing.isEmpty()) {
            writing.removeFirst().await(progress);
        }
    }

    /** A batch being written on another thread: waited for in order, its failure thrown here as it was. */
    private record Written(int size, Future<?> applying) {

        void await(Progress progress) {
            try {
                applying.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The content import was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
            progress.written(size);
        }
    }

    /** How many of the page files are written, logged every {@value #PROGRESS_EVERY} and at the end. */
    private static final class Progress {

        private final int files;
        private int done;

        Progress(int files) {
            this.files = files;
        }

        void written(int batch) {
            int before = done;
            done += batch;
            if (done / PROGRESS_EVERY > before / PROGRESS_EVERY || done == files) {
                int count = done;
                LOG.info(() -> "Content import: " + count + " of " + files + " page files");
            }
        }
    }

    private Map<String, RiskTier> importTopics(Path root, ImportReport report) {
        Map<String, RiskTier> tiers = new HashMap<>();
        Path file = root.resolve("topics.yaml");
        try {
            for (TopicEntry entry : TopicEntry.parseAll(Files.readString(file, StandardCharsets.UTF_8))) {
                try {
                    fileImport.applyTopic(entry);
                } catch (Exception raced) {
                    // another node importing the same folder at the same moment created it first
                    report.problem("topics.yaml", 1, "Topic '" + entry.slug() + "' not saved: " + rootCause(raced));
                }
                tiers.put(entry.slug().value(), entry.tier());
            }
        } catch (ContentError e) {
            report.problem("topics.yaml", e.line(), e.getMessage());
        } catch (IOException e) {
            report.problem("topics.yaml", 1, "Cannot read the file: " + e.getMessage());
        }
        return tiers;
    }

    private List<Path> pageFiles(Path pagesRoot, ImportReport report) {
        if (!Files.isDirectory(pagesRoot)) {
            report.problem("pages", 1, "There is no pages/ folder");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(pagesRoot, 2)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> p.getParent().getParent().equals(pagesRoot))
                    .sorted().toList();
        } catch (IOException e) {
            report.problem("pages", 1, "Cannot list the page files: " + e.getMessage());
            return List.of();
        }
    }

    /** A batch of files read, with their bodies being rendered on the server's managed threads. */
    private record Prepared(int size, List<PageFile> parsed, List<String> names, List<Future<?>> rendering) {
    }

    /** Reads a batch of files; an unreadable one is reported by name and left out. */
    private Prepared prepare(Path root, List<Path> batch, Map<String, RiskTier> tiers, ImportReport report,
            ExecutorService renderers) {
        List<PageFile> parsed = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (Path file : batch) {
            String name = root.relativize(file).toString().replace('\\', '/');
            try {
                parsed.add(parse(file, tiers));
                names.add(name);
            } catch (ContentError e) {
                report.problem(name, e.line(), e.getMessage());
            } catch (IOException e) {
                report.problem(name, 1, "Cannot read the file: " + e.getMessage());
            }
        }
        return new Prepared(batch.size(), parsed, names, renderAhead(parsed, renderers));
    }

    /**
     * Applies a batch's readable files in one transaction; if that fails, file by file, so one bad
     * file is reported by name and stops nothing else.
     */
    private void apply(Prepared batch, ImportReport report) {
        if (batch.parsed().isEmpty()) {
            return;
        }
        try {
            List<PageFileImport.Applied> results = fileImport.applyAll(batch.parsed());
            for (int i = 0; i < results.size(); i++) {
                report.count(results.get(i).outcome());
                if (results.get(i).problem() != null) {
                    report.problem(batch.names().get(i), 1, results.get(i).problem());
                }
            }
        } catch (Exception batchFailed) {
            for (int i = 0; i < batch.parsed().size(); i++) {
                applyOne(batch.names().get(i), batch.parsed().get(i), report);
            }
        } finally {
            batch.rendering().forEach(task -> task.cancel(false));
        }
    }

    /**
     * Renders a batch's bodies on the server's managed threads while this one writes the batch before
     * it: a page whose body is ready (or being rendered) takes it, one whose body is not renders it itself.
     */
    private List<Future<?>> renderAhead(List<PageFile> files, ExecutorService renderers) {
        if (renderers == null) {
            return List.of();
        }
        List<Future<?>> tasks = new java.util.ArrayList<>(files.size());
        for (PageFile file : files) {
            String body = file.source().bodyMarkdown();
            tasks.add(renderers.submit(markdown.aheadOf(body)));
        }
        return tasks;
    }

    private static PageFile parse(Path file, Map<String, RiskTier> tiers) throws IOException {
        String topic = file.getParent().getFileName().toString();
        String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
        RiskTier tier = tiers.get(topic);
        if (tier == null) {
            throw new ContentError(1, "The folder '" + topic + "' is not a topic in topics.yaml");
        }
        return PageFile.parse(topic, slug, Files.readString(file, StandardCharsets.UTF_8), tier);
    }

    private void applyOne(String name, PageFile page, ImportReport report) {
        try {
            PageFileImport.Applied applied = fileImport.apply(page);
            report.count(applied.outcome());
            if (applied.problem() != null) {
                report.problem(name, 1, applied.problem());
            }
        } catch (ContentError e) {
            report.problem(name, e.line(), e.getMessage());
        } catch (Exception e) {
            // includes a commit that failed because another node imported the same page first
            report.problem(name, 1, rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
