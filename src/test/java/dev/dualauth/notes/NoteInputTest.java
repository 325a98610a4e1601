package dev.dualauth.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NoteInputTest {

    @Test
    void textMustBePresentNotBlankAtMostTwoThousandCharactersAndFreeOfControlCharacters() {
        assertEquals("hello", new NoteInput("hello").validText());
        assertEquals("x".repeat(2000), new NoteInput("x".repeat(2000)).validText());
        assertNull(new NoteInput(null).validText());
        assertNull(new NoteInput(" \t ").validText());
        assertNull(new NoteInput("x".repeat(2001)).validText());
        assertEquals("two\r\nlines\tand a tab", new NoteInput("two\r\nlines\tand a tab").validText());
        assertNull(new NoteInput("nul\u0000").validText());
        assertNull(new NoteInput("bell\u0007").validText());
        assertNull(new NoteInput("next line\u0085").validText());
    }
}
