package org.veritycms.content;

import java.util.ArrayList;
import java.util.List;

/** What an import did: pages created, updated or unchanged, and each bad file with its line. */
public final class ImportReport {

    /** One file that could not be imported as it is. */
    public record FileProblem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private int created;
    private int updated;
    private int unchanged;
    private final List<FileProblem> problems = new ArrayList<>();

    synchronized void count(PageFileImport.Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    synchronized void problem(String file, int line, String message) {
        problems.add(new FileProblem(file, line, message));
    }

    public synchronized int created() { return created; }
    public synchronized int updated() { return updated; }
    public synchronized int unchanged() { return unchanged; }
    public synchronized List<FileProblem> problems() { return List.copyOf(problems); }

    @Override
    public synchronized String toString() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + problems.size() + " problem(s)";
    }
}
