package org.veritycms.theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How dates read on the site, e.g. "18 September 2024" (pattern and locale are configuration). */
@ApplicationScoped
public class DateFormats {

    private final DateTimeFormatter format;
    private final ZoneId zone;

    @Inject
    public DateFormats(@ConfigProperty(name = "verity.date-format", defaultValue = "d MMMM yyyy") String pattern,
            @ConfigProperty(name = "verity.locale", defaultValue = "en-GB") String locale,
            @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London") String zone) {
        this.format = DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(locale));
        this.zone = ZoneId.of(zone);
    }

    protected DateFormats() {
        this.format = null;
        this.zone = null;
    }

    public String format(LocalDate date) {
        return date == null ? "" : format.format(date);
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant.atZone(zone).toLocalDate());
    }
}
