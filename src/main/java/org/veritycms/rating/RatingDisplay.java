package org.veritycms.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When the average is worth showing: from {@code verity.ratings.min-for-average} ratings. */
@ApplicationScoped
public class RatingDisplay {

    @Inject
    @ConfigProperty(name = "verity.ratings.min-for-average", defaultValue = "5")
    int minimum;

    public boolean showsAverage(RatingSummary summary) {
        return summary.count() >= minimum;
    }
}
