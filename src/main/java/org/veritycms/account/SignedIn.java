package org.veritycms.account;

import java.util.Optional;
import java.util.Set;

/** Who is signed in for this request, with the roles they hold; read-only, safe to pass around. */
public record SignedIn(long accountId, String username, String displayName, Set<Role> roles, String sessionKey) {

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The stored hash of the session cookie this request came with; empty when signed in by HTTP Basic. */
    Optional<String> sessionTokenHash() {
        return sessionKey.startsWith(SESSION) ? Optional.of(sessionKey.substring(SESSION.length())) : Optional.empty();
    }

    /** How the session key of a cookie session starts. */
    static final String SESSION = "session:";

    static SignedIn of(Account account, String sessionKey) {
        return new SignedIn(account.id(), account.username(), account.displayName(), account.roles(), sessionKey);
    }
}
