package org.veritycms.discovery;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A sitemap (sitemaps.org 0.9): each address with the day it last changed. */
public final class Sitemap {

    public static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** One address; {@code lastModified} may be missing (a topic with no pages yet). */
    public record Url(String location, LocalDate lastModified) {
    }

    private Sitemap() {
    }

    public static String write(List<Url> urls) {
        StringWriter out = new StringWriter(256 + urls.size() * 120);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            for (Url url : urls) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                element(xml, "loc", url.location());
                if (url.lastModified() != null) {
                    element(xml, "lastmod", url.lastModified().toString());
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the sitemap", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(AtomFeed.xml(text));
        xml.writeEndElement();
    }
}
