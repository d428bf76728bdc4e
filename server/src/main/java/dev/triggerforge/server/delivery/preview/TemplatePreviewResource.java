package dev.triggerforge.server.delivery.preview;

import dev.triggerforge.server.delivery.render.EmailRenderer;
import dev.triggerforge.server.delivery.render.UnknownTemplateException;
import io.quarkus.qute.TemplateException;
import dev.triggerforge.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import dev.triggerforge.server.delivery.render.RenderedEmail;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** Lets marketers see an email before it goes out: the list of templates and one rendered for a customer. */
@RolesAllowed(Role.VIEWER_NAME)
@Path("/api/templates")
@Tag(name = "Templates", description = "Email templates and their previews")
public class TemplatePreviewResource {

    private final EmailRenderer renderer;
    private final PreviewVariables variables;

    TemplatePreviewResource(EmailRenderer renderer, PreviewVariables variables) {
        this.renderer = renderer;
        this.variables = variables;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> list() {
        return renderer.templateIds();
    }

    /** The HTML body, from the customer's latest send of this template, else from sample data. */
    @GET
    @Path("{id}/preview")
    @Produces(MediaType.TEXT_HTML)
    public String preview(@PathParam("id") String templateId, @QueryParam("customerId") String customerId) {
        if (!renderer.offers(templateId)) {
            throw new UnknownTemplateException(templateId);
        }
        PreviewVariables.Preview preview = variables.of(templateId, customerId);
        return renderer.render(templateId, preview.variables(), preview.sample()).html();
    }

    /** Subject, HTML and text for a decision's own variables, e.g. one the console's simulator reached. */
    @POST
    @Path("{id}/render")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a template with the variables of a decision (untracked links)")
    public Response render(@PathParam("id") String templateId, Map<String, Object> variables) {
        if (variables == null) {
            return error(Response.Status.BAD_REQUEST, "a JSON object of the decision's variables is required");
        }
        RenderedEmail email = renderer.render(templateId, variables);
        return Response.ok(email).build();
    }

    @ServerExceptionMapper
    Response unknownTemplate(UnknownTemplateException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    Response unknownCustomer(UnknownCustomerException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    Response unrenderable(TemplateException e) {
        return error(Response.Status.INTERNAL_SERVER_ERROR, "template could not be rendered: " + e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
