package com.mediassist.appliance.security;

import com.mediassist.store.Database;
import com.mediassist.store.users.PasswordPolicy;
import com.mediassist.store.users.Role;
import com.mediassist.store.users.WeakPasswordException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.jboss.logging.Logger;

/**
 * On a fresh installation (no users) creates the user {@value #USERNAME} with role admin so that
 * someone can log in: with {@code MEDIASSIST_ADMIN_PASSWORD} when set, otherwise with a random
 * password printed once, framed, on the console. The password is not stored in clear anywhere.
 */
@ApplicationScoped
public class FirstAdminBootstrap {

    static final String USERNAME = "admin";
    /** No look-alike characters (0/O, 1/l/I), so the password can be copied by hand. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 20;
    private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class);

    private final Database database;
    private final FirstAdminConfig config;

    public FirstAdminBootstrap(Database database, FirstAdminConfig config) {
        this.database = database;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        createIfNoUsers(System.out);
    }

    /** @return whether the admin was created */
    boolean createIfNoUsers(PrintStream console) {
        if (!database.users().isEmpty()) {
            return false;
        }
        boolean generated = config.password().filter(p -> !p.isBlank()).isEmpty();
        char[] password = generated ? randomPassword(new SecureRandom()) : config.password().get().toCharArray();
        if (!generated) {
            try {
                PasswordPolicy.check(USERNAME, password);
            } catch (WeakPasswordException e) {
                java.util.Arrays.fill(password, '\0');
                throw new IllegalStateException("MEDIASSIST_ADMIN_PASSWORD (mediassist.admin.password) is refused: "
                        + e.getMessage() + ". Choose a stronger one, or leave it unset to have a random one made.", e);
            }
        }
        database.users().add(USERNAME, Role.ADMIN, password);
        if (generated) {
            String line = "=".repeat(72);
            console.println(line);
            console.println("  MediAssist: first start. An administrator was created.");
            console.println();
            console.println("      user:     " + USERNAME);
            console.println("      password: " + new String(password));
            console.println();
            console.println("  This password is shown only this once. Log in and keep it safe, or set");
            console.println("  another with: bin/mediassist users add / users disable (see README).");
            console.println(line);
            console.flush();
        } else {
            LOG.infof("Created the first administrator '%s' with the password from MEDIASSIST_ADMIN_PASSWORD",
                    USERNAME);
        }
        java.util.Arrays.fill(password, '\0');
        return true;
    }

    static char[] randomPassword(SecureRandom random) {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
