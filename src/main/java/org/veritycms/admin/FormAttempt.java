package org.veritycms.admin;

import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The one way an admin form answers a refusal: the screen again, with the reason and every word
 * the person typed. A missing page stays a 404 (there is no screen to go back to).
 */
final class FormAttempt {

    private FormAttempt() {
    }

    static Response of(Supplier<Response> action, Function<Problem, Response> screenWithProblem) {
        try {
            return action.get();
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return screenWithProblem.apply(e.problem());
        }
    }
}
