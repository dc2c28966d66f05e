package org.veritycms.page;

/** A workflow step the page's current status does not allow, with a message for the person who tried. */
public class WorkflowRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WorkflowRefused(String message) {
        super(message);
    }
}
