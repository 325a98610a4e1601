package dev.dualauth.notes;

import java.time.Instant;

/** A note as the API shows it. */
public record NoteView(String id, String text, Instant created) {

    public static NoteView of(Note n) {
        return new NoteView(n.id(), n.text(), n.createdAt());
    }
}
