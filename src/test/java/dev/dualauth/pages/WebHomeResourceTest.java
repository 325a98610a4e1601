package dev.dualauth.pages;

import dev.dualauth.notes.NoteView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session page escapes everything a user wrote. */
class WebHomeResourceTest {

    @Test
    void thePageEscapesNoteTextsNamesAndMessages() {
        NoteView note = new NoteView("id-1", "<script>alert(1)</script>", Instant.parse("2026-01-02T03:04:05Z"));
        String page = WebHomeResource.render("", "a\"b", "token", Flash.failure("<b>no</b>"), List.of(note));
        assertFalse(page.contains("<script>alert"));
        assertTrue(page.contains("<span class=\"note-text\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
        assertTrue(page.contains("aria-label=\"Delete note: &lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(page.contains("<span id=\"who\">a&quot;b</span>"));
        assertTrue(page.contains("role=\"alert\">&lt;b&gt;no&lt;/b&gt;</p>"));
        assertTrue(page.contains("role=\"status\"></p>"));
        assertTrue(page.contains("<time datetime=\"2026-01-02T03:04:05Z\">2026-01-02 03:04 UTC</time>"));
    }
}
