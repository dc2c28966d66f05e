package org.veritycms.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.veritycms.shared.ProblemException;

/**
 * Tells what a file is from its bytes alone (Tika's magic numbers), never from its name or the type
 * the browser claimed, and keeps to the library's allow-list. Tika names MP4 and M4A by their
 * {@code ftyp} box and knows WebM only as Matroska, so those two families are told apart here by the
 * brand and the EBML document type they declare.
 */
public final class ContentTypes {

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final int HEAD = 64 * 1024;

    private static final Map<String, FileType> PLAIN = Map.of("image/jpeg", FileType.JPEG, "image/png", FileType.PNG,
            "image/webp", FileType.WEBP, "image/gif", FileType.GIF, "audio/mpeg", FileType.MP3, "audio/mp4", FileType.M4A,
            "application/pdf", FileType.PDF, "text/vtt", FileType.VTT);
    private static final Set<String> ISO_MEDIA = Set.of("video/mp4", "video/quicktime", "video/x-m4v", "application/mp4");
    private static final Set<String> MATROSKA = Set.of("application/x-matroska", "video/x-matroska", "video/webm");
    private static final Set<String> OGG = Set.of("application/ogg", "audio/ogg", "audio/opus", "audio/vorbis");
    private static final Set<String> PROGRAMS = Set.of("application/x-elf", "application/x-executable", "application/x-sharedlib",
            "application/x-object", "application/x-msdownload", "application/x-dosexec", "application/x-mach-o-executable",
            "application/x-mach-o", "application/java-archive", "application/x-java-archive", "application/java-vm",
            "application/x-sh", "application/x-bat", "application/x-msi");

    static final String ALLOWED = "JPEG, PNG, WebP or GIF images; MP4 or WebM video; MP3, Ogg or M4A audio; or PDF documents";

    private ContentTypes() {
    }

    /** The type of the file, or a 400 naming the field it came in when the library does not take it. */
    public static FileType detect(Path file, String field) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return detect(head, field);
    }

    static FileType detect(byte[] head, String field) {
        String detected = tikaType(head);
        FileType type = refine(detected, head);
        if (type != null) {
            return type;
        }
        if (PROGRAMS.contains(detected)) {
            throw MediaRefused.field(field, "is a program (" + detected + "), not media, whatever its name says;"
                    + " programs cannot be uploaded");
        }
        throw MediaRefused.field(field, "is of a type the library does not take (" + detected + "); upload " + ALLOWED);
    }

    static String tikaType(byte[] head) {
        try {
            return TIKA.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileType refine(String detected, byte[] head) {
        if (ISO_MEDIA.contains(detected)) {
            String brand = head.length >= 12 && ascii(head, 4, 4).equals("ftyp") ? ascii(head, 8, 4) : "";
            if (brand.startsWith("M4A")) {
                return FileType.M4A;
            }
            return brand.isEmpty() || brand.equals("qt  ") ? null : FileType.MP4;
        }
        if (MATROSKA.contains(detected)) {
            return ascii(head, 0, Math.min(head.length, 64)).contains("webm") ? FileType.WEBM : null;
        }
        if (OGG.contains(detected)) {
            String start = ascii(head, 0, Math.min(head.length, 128));
            return start.contains("OpusHead") || start.contains("vorbis") ? FileType.OGG : null;
        }
        return PLAIN.get(detected);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, Math.min(length, Math.max(0, bytes.length - from)), StandardCharsets.ISO_8859_1);
    }
}
