package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.PasswordHasher;
import org.veritycms.account.Role;

/** Creates accounts for in-container tests, each with a unique username and a known password. */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    /** A new account holding the given roles (none for a signed-in person without any role). */
    @Transactional
    public Account create(Role... roles) {
        String name = "t" + RUN + "-" + SEQUENCE.incrementAndGet();
        EnumSet<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
        Account account = new Account(name, "Test " + name, hasher.hash(PASSWORD), set, clock.instant());
        accounts.add(account);
        return account;
    }

    /** A new account with an e-mail address. */
    @Transactional
    public Account createWithEmail(String email, Role... roles) {
        Account account = create(roles);
        accounts.findById(account.id()).orElseThrow().changeEmail(email);
        account.changeEmail(email);
        return account;
    }

    /** Disables an account, as an administrator would. */
    @Transactional
    public void disable(Account account) {
        accounts.findById(account.id()).orElseThrow().disable();
    }

    /** An HTTP Basic header for the account. */
    public static String basic(Account account) {
        return "Basic " + Base64.getEncoder().encodeToString((account.username() + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
