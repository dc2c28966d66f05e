package org.veritycms.editorial;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable, line-by-line difference between two revisions of a page (front matter and body), as
 * a unified diff with three lines of context: each line marked added, removed or unchanged.
 */
public final class PageDiff {

    /** What happened to one line. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DiffLineKind")
    public enum Kind { ADDED, REMOVED, CONTEXT, HUNK }

    /** One line of the difference. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DiffLine")
    public record Line(Kind kind, String text) {
    }

    private PageDiff() {
    }

    public static List<Line> between(String fromName, String from, String toName, String to) {
        List<String> a = lines(from);
        List<String> b = lines(to);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, patch, 3);
        List<Line> result = new ArrayList<>();
        for (String line : unified) {
            if (line.startsWith("---") || line.startsWith("+++")) {
                continue;
            }
            if (line.startsWith("@@")) {
                result.add(new Line(Kind.HUNK, line));
            } else if (line.startsWith("+")) {
                result.add(new Line(Kind.ADDED, line.substring(1)));
            } else if (line.startsWith("-")) {
                result.add(new Line(Kind.REMOVED, line.substring(1)));
            } else {
                result.add(new Line(Kind.CONTEXT, line.isEmpty() ? "" : line.substring(1)));
            }
        }
        return result;
    }

    private static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
