package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;

/** Who gets a page owner's mail: the team's configured address, the owning account's, or a fallback. */
@ApplicationScoped
public class Recipients {

    @Inject
    AccountRepository accounts;

    @Inject
    Config config;

    public String ownerAddress(String owner) {
        return config.getOptionalValue("verity.teams." + owner + ".email", String.class)
                .or(() -> accounts.findByUsername(owner).map(Account::email).filter(e -> !e.isBlank()))
                .orElseGet(() -> config.getOptionalValue("verity.review.default-recipient", String.class)
                        .orElse("editors@localhost"));
    }

    /** The owner's lead and every administrator with an address (or the escalation fallback). */
    public Set<String> escalationAddresses(String owner) {
        Set<String> to = new LinkedHashSet<>();
        config.getOptionalValue("verity.teams." + owner + ".lead", String.class).ifPresent(to::add);
        accounts.withRole(Role.ADMIN).stream().map(Account::email).filter(e -> e != null && !e.isBlank()).forEach(to::add);
        if (to.isEmpty()) {
            to.add(config.getOptionalValue("verity.review.escalation-recipient", String.class).orElse("admins@localhost"));
        }
        return to;
    }

    public String siteUrl() {
        return config.getOptionalValue("verity.site.url", String.class).orElse("http://localhost:8080");
    }
}
