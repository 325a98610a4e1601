package dev.dualauth.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NoteInputTest {

    @Test
    void textMustBePresentNotBlankAndAtMostTwoThousandCharacters() {
        assertEquals("hello", new NoteInput("hello").validText());
        assertEquals("x".repeat(2000), new NoteInput("x".repeat(2000)).validText());
        assertNull(new NoteInput(null).validText());
        assertNull(new NoteInput(" \t ").validText());
        assertNull(new NoteInput("x".repeat(2001)).validText());
    }
}
