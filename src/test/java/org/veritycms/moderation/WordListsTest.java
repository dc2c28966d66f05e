package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListsTest {

    @Test
    void theBundledListsAreUsedWhenNoFolderIsConfigured() {
        WordLists lists = new WordLists(Optional.empty());
        assertTrue(lists.banned().size() > 5);
        assertTrue(lists.suspect().size() > 5);
        assertTrue(lists.safeguarding().firstIn("I want to end my life").isPresent());
    }

    @Test
    void aFileInTheConfiguredFolderWinsAndIsReadAgainWhenEdited(@TempDir Path dir) throws IOException {
        Path banned = dir.resolve(WordLists.BANNED);
        Files.writeString(banned, "# local list\nrhubarb\n");
        WordLists lists = new WordLists(Optional.of(dir.toString()));
        assertEquals(Optional.of("rhubarb"), lists.banned().firstIn("Rhubarb!"));
        assertTrue(lists.banned().firstIn("fuck").isEmpty(), "the local list replaces the bundled one");
        assertTrue(lists.suspect().firstIn("viagra").isPresent(), "lists without a local file stay bundled");

        Files.writeString(banned, "custard\n");
        Files.setLastModifiedTime(banned, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.of("custard"), lists.banned().firstIn("custard"));
        assertTrue(lists.banned().firstIn("rhubarb").isEmpty());
    }

    @Test
    void phrasesIgnoreCaseAccentsPunctuationAndSpacing() {
        PhraseList list = PhraseList.parse("end my life\nsuicid*\n");
        assertEquals(Optional.of("end my life"), list.firstIn("...to END   my-life."));
        assertEquals(Optional.of("suicidal"), list.firstIn("feeling SUÏCIDAL"));
        assertTrue(list.firstIn("the ending of my life story").isEmpty());
    }
}
