package org.veritycms.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/** Small real files for media tests: images drawn and encoded here, and the first bytes of others. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A JPEG or PNG image ({@code format} "jpg" or "png") of the given size, with a little drawn on it. */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1d70b8));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a 64-bit Linux program (an ELF header), padded: what a renamed executable begins with. */
    public static byte[] elf() {
        return pad(HexFormat.of().parseHex("7f454c4602010100000000000000000002003e0001000000"), 512);
    }

    /** The start of a Windows program (MZ header and PE signature). */
    public static byte[] windowsProgram() {
        byte[] b = pad(HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000400000000000000000"), 512);
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    public static byte[] text() {
        return "These are some words, not an image.\nA second line.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The start of an MP4 file: an ftyp box with the isom brand, then an empty mdat. */
    public static byte[] mp4() {
        return pad(HexFormat.of().parseHex("000000186674797069736f6d0000020069736f6d69736f32000000086d646174"), 256);
    }

    public static byte[] vtt() {
        return ("WEBVTT\n\nNOTE made for a test\n\n1\n00:00:00.000 --> 00:00:02.000\nLie on your back.\n\n"
                + "00:00:02.000 --> 00:00:04.000\n<v Physio>Bend your knees.</v>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pad(byte[] start, int length) {
        byte[] b = new byte[Math.max(length, start.length)];
        System.arraycopy(start, 0, b, 0, start.length);
        return b;
    }
}
