package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Map;
import org.veritycms.account.ChecksCsrfInBody;
import org.veritycms.media.Description;
import org.veritycms.media.MediaLibrary;
import org.veritycms.media.MediaStore;
import org.veritycms.shared.CsrfTokens;

/**
 * The media library under {@code /admin/media}: the list with the upload form, and one item with its
 * renditions, the pages that use it and the forms to describe or delete it. Authors and editors
 * upload and describe; only editors and administrators delete.
 */
@Path("/admin/media")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class MediaLibraryScreen {

    @Inject
    AdminFrame frame;

    @Inject
    MediaLibrary library;

    @Inject
    MediaStore store;

    @Inject
    CsrfTokens tokens;

    @Inject
    MediaLibraryView view;

    @GET
    public Response list(@QueryParam("done") String done) {
        return view.list(Map.of(), null, done);
    }

    @POST
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ChecksCsrfInBody
    public Response upload(@HeaderParam("Content-Type") String contentType, InputStream body) {
        String session = frame.who().sessionKey();
        try (UploadForm form = UploadForm.read(body, contentType, library.maxBytes(), store.incoming(),
                token -> tokens.isValid(session, token))) {
            Map<String, String> typed = Map.of("title", form.text("title"), "altText", form.text("altText"),
                    "decorative", form.text("decorative"), "transcript", form.text("transcript"));
            if (form.problem() != null) {
                return view.list(typed, form.problem().problem(), null);
            }
            return FormAttempt.of(() -> {
                MediaLibrary.Uploaded uploaded = library.upload(new MediaLibrary.Upload(form.file(), form.originalName(),
                        form.captions(), form.description()), frame.who().username());
                return done(uploaded.item().id(), uploaded.existing() ? "existing" : "uploaded");
            }, problem -> view.list(typed, problem, null));
        }
    }

    @GET
    @Path("{id:[0-9]{1,18}}")
    public Response item(@PathParam("id") long id, @QueryParam("done") String done) {
        return view.item(id, null, null, done);
    }

    @POST
    @Path("{id:[0-9]{1,18}}")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response describe(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        FormValues values = new FormValues(form);
        return FormAttempt.of(() -> {
            library.describe(id, version(values), new Description(form.getFirst("title"), form.getFirst("altText"),
                    "true".equals(form.getFirst("decorative")), form.getFirst("transcript")), frame.who().username());
            return done(id, "saved");
        }, problem -> view.item(id, form, problem, null));
    }

    @POST
    @Path("{id:[0-9]{1,18}}/delete")
    @RolesAllowed({"EDITOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        FormValues values = new FormValues(form);
        return FormAttempt.of(() -> {
            library.delete(id, version(values), frame.who().username());
            return Response.seeOther(UriBuilder.fromPath("/admin/media").queryParam("done", "deleted").build()).build();
        }, problem -> view.item(id, null, problem, null));
    }

    private static long version(FormValues values) {
        Long version = values.id("version");
        return version == null ? -1 : version;
    }

    private static Response done(long id, String what) {
        return Response.seeOther(UriBuilder.fromPath("/admin/media/{id}").queryParam("done", what).build(id)).build();
    }
}
