package org.veritycms.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates a sitemap against the sitemaps.org XSD kept in the test resources (JDK only, so it runs in the server too). */
public final class SitemapSchema {

    public static final String RESOURCE = "schemas/sitemap.xsd";

    private SitemapSchema() {
    }

    /** Every error the schema finds; empty for a valid sitemap. */
    public static List<String> errors(String xml) {
        List<String> errors = new ArrayList<>();
        try {
            URL xsd = SitemapSchema.class.getClassLoader().getResource(RESOURCE);
            if (xsd == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }
}
