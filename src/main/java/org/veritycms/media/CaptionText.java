package org.veritycms.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a WebVTT captions file as plain text: cue text only, without the header, cue
 * identifiers, timings, notes, styles or markup tags. A captioned video put on a page gets it as
 * its transcript, which a page's video needs.
 */
public final class CaptionText {

    private CaptionText() {
    }

    public static String of(String vtt) {
        List<String> lines = new ArrayList<>();
        String[] blocks = vtt.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n");
        for (String block : blocks) {
            String[] blockLines = block.strip().split("\n");
            int timing = -1;
            for (int i = 0; i < blockLines.length && i < 2; i++) {
                if (blockLines[i].contains("-->")) {
                    timing = i;
                }
            }
            if (timing < 0) {
                continue; // the header, a NOTE, STYLE or REGION block
            }
            for (int i = timing + 1; i < blockLines.length; i++) {
                String text = blockLines[i].replaceAll("<[^>]*>", "").strip();
                if (!text.isEmpty() && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(text))) {
                    lines.add(text);
                }
            }
        }
        return String.join("\n", lines);
    }
}
