package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The screens configured in {@code verity.comments.screens}, run in that order over every new
 * comment. Every screen runs, so that a safeguarding concern is noticed even in a comment
 * another screen refuses.
 */
@ApplicationScoped
public class ScreeningPipeline {

    private static final Logger LOG = Logger.getLogger(ScreeningPipeline.class.getName());

    private final List<CommentScreen> screens;

    @Inject
    public ScreeningPipeline(WordLists lists,
            @ConfigProperty(name = "verity.comments.screens", defaultValue = "honeypot,too-fast,duplicate,links,shouting,"
                    + "personal-data,banned-words,suspect-words,safeguarding") List<String> names,
            @ConfigProperty(name = "verity.comments.too-fast-seconds", defaultValue = "3") int tooFastSeconds,
            @ConfigProperty(name = "verity.comments.max-links", defaultValue = "2") int maxLinks,
            @ConfigProperty(name = "verity.comments.shouting.min-letters", defaultValue = "20") int shoutingMinLetters,
            @ConfigProperty(name = "verity.comments.shouting.share", defaultValue = "0.7") double shoutingShare) {
        this(new ScreenCatalogue(lists).build(names, new ScreenCatalogue.Settings(Duration.ofSeconds(tooFastSeconds),
                maxLinks, shoutingMinLetters, shoutingShare, ScreenCatalogue.Settings.defaults().duplicatePageWideMinLength())));
        LOG.info(() -> "Comment screens: " + String.join(", ", screens.stream().map(CommentScreen::name).toList()));
    }

    public ScreeningPipeline(List<CommentScreen> screens) {
        this.screens = List.copyOf(screens);
    }

    protected ScreeningPipeline() {
        this.screens = List.of();
    }

    public Screening run(Submission submission) {
        return new Screening(screens.stream().map(s -> s.screen(submission)).toList());
    }

    public List<String> screenNames() {
        return screens.stream().map(CommentScreen::name).toList();
    }
}
