package org.veritycms.site;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS serves the whole site: public HTML, the admin and the JSON API under /api/v1. */
@ApplicationPath("/")
public class VerityApplication extends Application {
}
