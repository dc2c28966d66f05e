package org.veritycms.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritycms.shared.ProblemException;

class RenditionsTest {

    @TempDir
    Path dir;

    @Test
    void onlyWidthsNarrowerThanTheOriginalAreMade() {
        assertEquals(List.of(320, 640, 1024, 1600), Renditions.widthsFor(2400));
        assertEquals(List.of(320, 640), Renditions.widthsFor(800));
        assertEquals(List.of(320, 640, 1024), Renditions.widthsFor(1600), "an image exactly 1600 wide is its own 1600");
        assertEquals(List.of(), Renditions.widthsFor(320));
        assertEquals(List.of(), Renditions.widthsFor(100), "a small image is never enlarged");
    }

    @Test
    void aRenditionHasTheWidthAskedForTheHeightInProportionAndTheOriginalsFormat() throws IOException {
        Path jpeg = dir.resolve("in.jpg");
        Files.write(jpeg, SampleFiles.image("jpg", 1000, 500));
        assertEquals(new Renditions.Size(1000, 500), Renditions.size(jpeg, FileType.JPEG));
        BufferedImage decoded = Renditions.decode(jpeg, FileType.JPEG);
        Path out = dir.resolve("out");
        Renditions.write(decoded, 640, "jpg", out);
        assertEquals(FileType.JPEG, ContentTypes.detect(out, "file"));
        BufferedImage written = ImageIO.read(out.toFile());
        assertEquals(640, written.getWidth());
        assertEquals(320, written.getHeight());
    }

    @Test
    void pngRenditionsArePng() throws IOException {
        Path png = dir.resolve("in.png");
        Files.write(png, SampleFiles.image("png", 700, 700));
        Path out = dir.resolve("out");
        Renditions.write(Renditions.decode(png, FileType.PNG), 320, "png", out);
        assertEquals(FileType.PNG, ContentTypes.detect(out, "file"));
        assertEquals(320, ImageIO.read(out.toFile()).getHeight());
    }

    @Test
    void aDamagedImageIsRefusedOnTheFileField() throws IOException {
        Path broken = dir.resolve("broken.png");
        byte[] png = SampleFiles.image("png", 50, 50);
        Files.write(broken, java.util.Arrays.copyOf(png, 20));
        ProblemException e = assertThrows(ProblemException.class, () -> Renditions.size(broken, FileType.PNG));
        assertEquals("file", e.problem().fieldErrors().get(0).field());
    }
}
