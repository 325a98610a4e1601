package dev.dualauth.notes;

/** The body of {@code POST …/notes}: {@code {"text":"…"}}. */
public record NoteInput(String text) {

    public static final int MAX_LENGTH = 2000;

    /** What {@link #validText} asks for, as a client reads it. */
    public static final String RULE_TEXT = "text is required, at most " + MAX_LENGTH
            + " characters, no control characters but tab and line breaks";

    /**
     * The text to store, or null when it is missing, blank, too long or holds a control character other
     * than tab, line feed and carriage return (nothing a person types; and PostgreSQL cannot store U+0000,
     * so without this a NUL in a note was a database error rather than a 400).
     */
    public String validText() {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            return null;
        }
        return text;
    }
}
