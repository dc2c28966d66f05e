package org.veritycms.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one archive in-container tests deploy: the application exactly as packaged, plus the test
 * support classes a test names.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive verity(Class<?>... support) {
        File war = new File(System.getProperty("verity.war", "target/verity.war"));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        archive.addClass(Deployments.class);
        archive.addClasses(support);
        return archive;
    }
}
