package org.veritycms.account;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The account signed in for the current request, if any (set by {@link AccessFilter}). */
@RequestScoped
public class CurrentAccount {

    private SignedIn signedIn;

    void set(SignedIn who) {
        this.signedIn = who;
    }

    public Optional<SignedIn> get() {
        return Optional.ofNullable(signedIn);
    }

    /** The signed-in account; callers behind an access rule can rely on it. */
    public SignedIn require() {
        if (signedIn == null) {
            throw new IllegalStateException("No account is signed in");
        }
        return signedIn;
    }
}
