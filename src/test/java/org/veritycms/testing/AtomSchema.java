package org.veritycms.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates an Atom document against RFC 4287's RELAX NG schema (kept in the test resources) with Jing. */
public final class AtomSchema {

    public static final String RESOURCE = "schemas/atom.rnc";

    private AtomSchema() {
    }

    /** Every error the schema finds; empty for a valid feed. */
    public static List<String> errors(String xml) {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
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
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            URL schema = AtomSchema.class.getClassLoader().getResource(RESOURCE);
            if (schema == null || !driver.loadSchema(new InputSource(schema.toString()))) {
                throw new IllegalStateException("Cannot load " + RESOURCE + ": " + errors);
            }
            driver.validate(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}
