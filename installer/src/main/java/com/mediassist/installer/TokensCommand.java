package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.users.ApiToken;
import com.mediassist.store.users.IssuedToken;
import com.mediassist.store.users.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokens create|revoke|list}. */
@Command(name = "tokens", description = "Manage API tokens for integrations.",
        subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class, TokensCommand.ListTokens.class})
final class TokensCommand {

    @Command(name = "create", description = "Create a token and print it, alone, on standard output. "
            + "It is shown only this once; only its hash is stored.")
    static final class Create extends StoreCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique among live tokens.")
        String name;

        @Option(names = "--role", defaultValue = "doctor", paramLabel = "ROLE",
                description = "admin or doctor (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--username", paramLabel = "USER",
                description = "Bind the token to a user: it stops working when the user is disabled.")
        String username;

        @Override
        public Integer call() {
            Role parsedRole = Role.fromCode(role);
            try (Database db = open()) {
                IssuedToken issued = db.inTransaction(tx -> {
                    IssuedToken created = tx.tokens().create(name, parsedRole, Optional.ofNullable(username));
                    tx.audit().append(ACTOR, "token.create", null, created.token().name() + " (" + parsedRole.code() + ")");
                    return created;
                });
                // Alone on stdout, so that scripts can capture it with $(...).
                out().println(issued.secret());
                out().flush();
            }
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "revoke", description = "Revoke the live token with that name.")
    static final class Revoke extends StoreCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Database db = open()) {
                ApiToken token = db.inTransaction(tx -> {
                    ApiToken revoked = tx.tokens().revoke(name);
                    tx.audit().append(ACTOR, "token.revoke", null, revoked.name());
                    return revoked;
                });
                out().println("revoked token " + token.name());
            }
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "list", description = "List tokens (never their value).")
    static final class ListTokens extends StoreCommand {

        @Override
        public Integer call() {
            try (Database db = open()) {
                out().printf("%-32s %-7s %-20s %-9s %s%n", "NAME", "ROLE", "USER", "STATUS", "CREATED");
                for (ApiToken t : db.tokens().list()) {
                    out().printf("%-32s %-7s %-20s %-9s %s%n", t.name(), t.role().code(), t.username().orElse("-"),
                            t.live() ? "live" : "revoked", t.createdAt());
                }
            }
            return MediAssistCli.EXIT_OK;
        }
    }
}
