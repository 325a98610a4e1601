package dev.dualauth.notes;

import dev.dualauth.account.Roles;
import dev.dualauth.security.Caller;
import dev.dualauth.security.InvalidInput;
import dev.dualauth.security.JsonFields;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /web/notes} and {@code /api/notes}: the caller's own notes. */
@Path("notes")
// Created once for both applications; the caller is the one the path's gate stored (see MeResource).
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    @Inject
    NoteTable notes;

    @Inject
    HttpServletRequest request;

    @GET
    @RolesAllowed(Roles.USER)
    public List<NoteView> list() {
        return notes.of(owner()).stream().map(NoteView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body, @Context UriInfo uri) {
        String text = new NoteInput(JsonFields.string(JsonFields.object(body), "text")).validText();
        if (text == null) {
            throw new InvalidInput(NoteInput.RULE_TEXT);
        }
        NoteView created = NoteView.of(notes.add(owner(), text).orElseThrow(NotesResource::full));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.USER)
    public Response delete(@PathParam("id") String id) {
        if (!notes.delete(owner(), id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private String owner() {
        return Caller.of(request).name();
    }

    /** {@code 409}: the caller has as many notes as an account may keep. */
    private static ClientErrorException full() {
        return new ClientErrorException("at most " + NoteTable.MAX_PER_OWNER + " notes", Response.Status.CONFLICT);
    }
}
