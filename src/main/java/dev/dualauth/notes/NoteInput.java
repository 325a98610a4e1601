package dev.dualauth.notes;

/** The body of {@code POST …/notes}: {@code {"text":"…"}}. */
public record NoteInput(String text) {

    static final int MAX_LENGTH = 2000;

    /** The text to store, or null when it is missing, blank or too long. */
    String validText() {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return null;
        }
        return text;
    }
}
