package org.veritycms.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritycms.shared.ProblemException;

class ContentTypesTest {

    @TempDir
    Path dir;

    private FileType detect(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return ContentTypes.detect(file, "file");
    }

    private String refusal(String name, byte[] bytes) {
        ProblemException e = assertThrows(ProblemException.class, () -> detect(name, bytes));
        assertEquals(400, e.problem().status());
        assertEquals("file", e.problem().fieldErrors().get(0).field());
        return e.problem().fieldErrors().get(0).message();
    }

    @Test
    void jpegAndPngAreKnownByTheirBytesWhateverTheirName() throws IOException {
        assertEquals(FileType.JPEG, detect("photo.png", SampleFiles.image("jpg", 40, 30)));
        assertEquals(FileType.PNG, detect("picture.jpg", SampleFiles.image("png", 40, 30)));
        assertEquals(FileType.PNG, detect("no-extension", SampleFiles.image("png", 40, 30)));
    }

    @Test
    void anElfProgramNamedLikeAPhotoIsRefusedAsAProgram() {
        String message = refusal("photo.jpg", SampleFiles.elf());
        assertTrue(message.contains("is a program"), message);
    }

    @Test
    void aWindowsProgramNamedLikeAPhotoIsRefusedAsAProgram() {
        String message = refusal("photo.jpg", SampleFiles.windowsProgram());
        assertTrue(message.contains("is a program"), message);
    }

    @Test
    void plainTextIsNotATypeTheLibraryTakes() {
        String message = refusal("notes.pdf", SampleFiles.text());
        assertTrue(message.contains("does not take"), message);
        assertTrue(message.contains("JPEG, PNG"), "the message lists what may be uploaded: " + message);
    }

    @Test
    void htmlIsRefusedWhateverItsName() {
        String message = refusal("image.png", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes());
        assertTrue(message.contains("text/html"), message);
    }

    @Test
    void mp4IsKnownByItsFtypBrandAndQuickTimeIsNot() throws IOException {
        assertEquals(FileType.MP4, detect("clip.bin", SampleFiles.mp4()));
        byte[] quickTime = SampleFiles.mp4();
        System.arraycopy("qt  ".getBytes(), 0, quickTime, 8, 4);
        refusal("clip.mp4", quickTime);
    }

    @Test
    void webVttCaptionsAreKnown() throws IOException {
        assertEquals(FileType.VTT, detect("captions.txt", SampleFiles.vtt()));
    }
}
