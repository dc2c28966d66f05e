package org.veritycms.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Smaller copies of an uploaded image for {@code srcset}: at each of {@link #WIDTHS} narrower than
 * the original (never enlarged), in the original's format (PNG for WebP, which nothing here can
 * write). An image's size is read from its header before any pixel is decoded, and one of more
 * than {@link #MAX_PIXELS} pixels is refused, so a small file that decodes to gigabytes cannot
 * exhaust the server's memory.
 */
public final class Renditions {

    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);
    static final long MAX_PIXELS = 40_000_000L;

    /** An image's size in pixels. */
    public record Size(int width, int height) {
    }

    private Renditions() {
    }

    /** The widths of the renditions an image this wide gets: only ones narrower than itself. */
    public static List<Integer> widthsFor(int width) {
        return WIDTHS.stream().filter(w -> w < width).toList();
    }

    /** The image's size from its header; a 400 on the file field when it cannot be read or is too big to decode. */
    public static Size size(Path file, FileType type) throws IOException {
        ImageReader reader = reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            Size size = new Size(reader.getWidth(0), reader.getHeight(0));
            if ((long) size.width() * size.height() > MAX_PIXELS) {
                throw MediaRefused.field("file", "is an image of " + size.width() + " by " + size.height()
                        + " pixels; the library takes images of up to " + MAX_PIXELS / 1_000_000 + " million pixels");
            }
            return size;
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.veritycms.shared.ProblemException p) {
                throw p;
            }
            throw MediaRefused.field("file", "could not be read as a " + type.name() + " image: it may be damaged");
        } finally {
            reader.dispose();
        }
    }

    /** Decodes the whole image (after {@link #size} has accepted it). */
    public static BufferedImage decode(Path file, FileType type) throws IOException {
        ImageReader reader = reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw MediaRefused.field("file", "could not be read as a " + type.name() + " image: it may be damaged");
        } finally {
            reader.dispose();
        }
    }

    /** Writes the image scaled to {@code width} (height in proportion) in the format of {@code extension}. */
    public static void write(BufferedImage image, int width, String extension, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            Thumbnails.Builder<BufferedImage> scaled = Thumbnails.of(image).width(width);
            if (extension.equals("jpg")) {
                scaled.outputFormat("jpg").outputQuality(0.85);
            } else {
                scaled.outputFormat("png");
            }
            scaled.toOutputStream(out);
        }
    }

    private static ImageReader reader(FileType type) throws IOException {
        if (type == FileType.WEBP) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + type);
        }
        return readers.next();
    }
}
