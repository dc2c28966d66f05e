package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.veritycms.page.WebAddress;

class ApiDocumentTest {

    @Test
    void aBeanValidationPatternBecomesAnAnchoredEcmaScriptOne() {
        assertEquals("^(?:[a-z0-9]+(-[a-z0-9]+)*)$", anchored("[a-z0-9]+(-[a-z0-9]+)*"));
        assertEquals("\\S", anchored("\\S"), "@NotBlank's pattern is a search and stays one");
        assertEquals("^already$", anchored("^already$"));
    }

    @Test
    void anInlineCaseFlagBecomesBothCasesOfEachLetterOutsideClasses() {
        String web = anchored(WebAddress.PATTERN);
        assertFalse(web.contains("(?i)"), web);
        Pattern ecma = Pattern.compile(web);
        for (String ok : new String[] {"https://www.nhs.uk/x", "HTTP://example.org", "/media/a.png"}) {
            assertTrue(ecma.matcher(ok).find(), ok);
        }
        for (String bad : new String[] {"javascript:alert(1)", "//evil.example/x", "see https://x.org"}) {
            assertFalse(ecma.matcher(bad).find(), bad);
        }
        assertEquals("[\\sA]", ApiDocument.ecmaScript("(?i)[\\sA]"), "a class is left as it is");
    }

    private static String anchored(String pattern) {
        return ApiDocument.anchored(pattern);
    }
}
