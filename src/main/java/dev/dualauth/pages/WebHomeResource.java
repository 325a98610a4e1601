package dev.dualauth.pages;

import dev.dualauth.account.PasswordPolicy;
import dev.dualauth.account.Roles;
import dev.dualauth.notes.NoteInput;
import dev.dualauth.notes.NoteTable;
import dev.dualauth.notes.NoteView;
import dev.dualauth.security.Caller;
import dev.dualauth.security.Html;
import dev.dualauth.session.CsrfTokens;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /web/}: the session path's page, rendered on the server and usable without JavaScript. Who
 * is signed in, their notes with forms to add and delete them, changing the password, signing out here
 * or everywhere. Every form carries the session's CSRF token in {@code _csrf} and posts to this origin;
 * {@link WebFormsResource} answers with a redirect back here (post/redirect/get) and leaves a
 * {@link Flash} message for this page to show once.
 */
@Path("")
// One instance, like the shared resources: the request is CDI's built-in bean, a proxy to the current one.
@ApplicationScoped
@DenyAll
public class WebHomeResource {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    HttpServletRequest request;

    @Inject
    NoteTable notes;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response home() {
        Caller caller = Caller.of(request);
        HttpSession session = request.getSession();
        List<NoteView> list = notes.of(caller.name()).stream().map(NoteView::of).toList();
        return Response.ok(render(request.getContextPath(), caller.name(), CsrfTokens.of(session),
                Flash.takeFrom(session), list)).build();
    }

    static String render(String contextPath, String name, String csrfToken, Flash flash, List<NoteView> notes) {
        String root = Html.escape(contextPath);
        String csrf = "<input type=\"hidden\" name=\"" + CsrfTokens.FORM_FIELD + "\" value=\"" + Html.escape(csrfToken) + "\">";
        String status = flash != null && !flash.failed() ? Html.escape(flash.message()) : "";
        String error = flash != null && flash.failed() ? Html.escape(flash.message()) : "";
        StringBuilder items = new StringBuilder();
        for (NoteView note : notes) {
            String text = Html.escape(note.text());
            items.append("""
                      <li>
                        <span class="note-text">%s</span>
                        <time datetime="%s">%s</time>
                        <form method="post" action="%s/web/forms/notes/%s/delete">
                          %s
                          <button class="delete-note secondary" type="submit" aria-label="Delete note: %s">Delete</button>
                        </form>
                      </li>
                    """.formatted(text, note.created(), SHOWN.format(note.created().truncatedTo(ChronoUnit.MINUTES)),
                    root, Html.escape(note.id()), csrf, text));
        }
        String empty = notes.isEmpty() ? "<p class=\"hint\">No notes yet.</p>\n" : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Signed in – dualauth</title>
                  <link rel="stylesheet" href="%1$s/assets/style.css">
                  <link rel="icon" href="%1$s/assets/favicon.svg" type="image/svg+xml">
                </head>
                <body>
                <header class="bar">
                  <span class="brand">dualauth</span>
                  <nav aria-label="Pages"><a href="%1$s/web/" aria-current="page">Session page</a> <a href="%1$s/app/">Token app</a></nav>
                </header>
                <main>
                  <h1>Signed in as <span id="who">%2$s</span></h1>
                  <p id="way">Signed in with a session: this browser holds only a session cookie, which its scripts cannot read.</p>
                  <p id="status" class="message status" role="status">%3$s</p>
                  <p id="error" class="message error" role="alert">%4$s</p>

                  <section aria-labelledby="notes-heading">
                    <h2 id="notes-heading">Your notes</h2>
                    <form id="note-form" method="post" action="%1$s/web/forms/notes">
                      %5$s
                      <label for="note-text">New note</label>
                      <div class="row">
                        <input id="note-text" name="text" type="text" required maxlength="%6$d" autocomplete="off">
                        <button id="add-note" type="submit">Add note</button>
                      </div>
                    </form>
                    <ul id="notes" class="notes">
                %7$s    </ul>
                    %8$s  </section>

                  <section aria-labelledby="password-heading">
                    <h2 id="password-heading">Change your password</h2>
                    <form id="password-form" method="post" action="%1$s/web/forms/password">
                      %5$s
                      <input type="text" name="username" value="%2$s" autocomplete="username" hidden>
                      <div class="field">
                        <label for="current-password">Current password</label>
                        <input id="current-password" name="current" type="password" autocomplete="current-password" required maxlength="%10$d">
                      </div>
                      <div class="field">
                        <label for="new-password">New password</label>
                        <input id="new-password" name="new" type="password" autocomplete="new-password" required maxlength="%10$d" aria-describedby="new-password-hint">
                        <p id="new-password-hint" class="hint">At least %9$d characters; a long phrase is best. Every other session and every token of yours stop working; this session stays signed in.</p>
                      </div>
                      <button id="change-password" type="submit">Change password</button>
                    </form>
                  </section>

                  <section aria-labelledby="sign-out-heading">
                    <h2 id="sign-out-heading">Sign out</h2>
                    <div class="row">
                      <form method="post" action="%1$s/web/logout">
                        %5$s
                        <button id="logout" type="submit">Sign out</button>
                      </form>
                      <form method="post" action="%1$s/web/me/logout-all">
                        %5$s
                        <button id="logout-all" class="danger" type="submit">Sign out everywhere</button>
                      </form>
                    </div>
                    <p class="hint">“Sign out everywhere” ends every session and every token of yours, on every device.</p>
                  </section>
                </main>
                </body>
                </html>
                """.formatted(root, Html.escape(name), status, error, csrf, NoteInput.MAX_LENGTH,
                items, empty, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
    }
}
