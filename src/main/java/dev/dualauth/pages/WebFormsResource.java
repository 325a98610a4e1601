package dev.dualauth.pages;

import dev.dualauth.account.AccountService;
import dev.dualauth.account.PasswordPolicy;
import dev.dualauth.account.Roles;
import dev.dualauth.notes.NoteInput;
import dev.dualauth.notes.NoteTable;
import dev.dualauth.security.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The plain HTML forms of {@code /web/}: {@code application/x-www-form-urlencoded} POSTs that do what
 * the JSON endpoints do, through the same services, and answer {@code 303} back to {@code /web/}
 * (post/redirect/get) with a {@link Flash} message there. The session gate has already checked the
 * {@code _csrf} field and the request's site before any of this runs.
 *
 * <p>Form fields are read with {@code @FormParam}: the gate read {@code _csrf} from the servlet request,
 * which consumed the body, and the runtimes hand {@code @FormParam} the servlet's parameters then.
 */
@Path("forms")
@ApplicationScoped
@DenyAll
public class WebFormsResource {

    static final String NOTE_ADDED = "Note added.";
    static final String NOTE_INVALID = "A note needs some text: at most " + NoteInput.MAX_LENGTH
            + " characters, and no control characters but tabs and line breaks.";
    static final String NOTES_FULL = "You have " + NoteTable.MAX_PER_OWNER + " notes, the most an account can keep: delete some first.";
    static final String NOTE_DELETED = "Note deleted.";
    static final String NOTE_GONE = "That note does not exist (any more).";
    static final String PASSWORD_CHANGED = "Password changed. Every other session and every token of yours "
            + "stopped working; this session stays signed in.";
    static final String PASSWORD_MISSING = "Enter your current password and a new one.";
    static final String PASSWORD_WRONG = "The current password is wrong. Nothing was changed.";
    static final String PASSWORD_REFUSED = "The password cannot be changed.";

    @Inject
    HttpServletRequest request;

    @Inject
    NoteTable notes;

    @Inject
    AccountService accounts;

    /** {@code POST /web/forms/notes}, field {@code text}. */
    @POST
    @Path("notes")
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@FormParam("text") String text, @Context UriInfo uri) {
        String valid = new NoteInput(text).validText();
        if (valid == null) {
            return back(Flash.failure(NOTE_INVALID), uri);
        }
        if (notes.add(caller().name(), valid).isEmpty()) {
            return back(Flash.failure(NOTES_FULL), uri);
        }
        return back(Flash.done(NOTE_ADDED), uri);
    }

    /** {@code POST /web/forms/notes/{id}/delete}: deletes one of the caller's notes. */
    @POST
    @Path("notes/{id}/delete")
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteNote(@PathParam("id") String id, @Context UriInfo uri) {
        boolean deleted = notes.delete(caller().name(), id);
        return back(deleted ? Flash.done(NOTE_DELETED) : Flash.failure(NOTE_GONE), uri);
    }

    /** {@code POST /web/forms/password}, fields {@code current} and {@code new}: as {@code POST /web/me/password}. */
    @POST
    @Path("password")
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("current") String current, @FormParam("new") String replacement,
            @Context UriInfo uri) {
        if (current == null || current.isEmpty() || replacement == null || replacement.isEmpty()) {
            return back(Flash.failure(PASSWORD_MISSING), uri);
        }
        HttpSession session = request.getSession(false);
        String keep = session == null ? null : session.getId();
        String name = caller().name();
        Flash outcome = switch (accounts.changePassword(name, current.toCharArray(), replacement, keep)) {
            case DONE -> Flash.done(PASSWORD_CHANGED);
            case WRONG_PASSWORD -> Flash.failure(PASSWORD_WRONG);
            case INVALID -> Flash.failure("The new password was not accepted: "
                    + PasswordPolicy.problem(replacement, name).orElse("it is not allowed") + ". Nothing was changed.");
            default -> Flash.failure(PASSWORD_REFUSED);
        };
        return back(outcome, uri);
    }

    private Caller caller() {
        return Caller.of(request);
    }

    /** {@code 303} to {@code /web/}, with the message for it. Absolute: runtimes resolve relative ones differently. */
    private Response back(Flash flash, UriInfo uri) {
        flash.storeIn(request.getSession());
        return Response.seeOther(uri.getBaseUriBuilder().replacePath(request.getContextPath() + "/web/").build()).build();
    }
}
