package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.users.PasswordHasher;
import com.mediassist.store.users.PasswordPolicy;
import com.mediassist.store.users.Role;
import com.mediassist.store.users.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code users add|list|disable}. */
@Command(name = "users", description = "Manage the people who log in.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
final class UsersCommand {

    @Command(name = "add", description = "Add a user. Reads the password from standard input with --password-stdin, "
            + "else prompts twice on the terminal.")
    static final class Add extends StoreCommand {

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "3-64 of letters, digits, . _ @ -")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin or doctor")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsedRole = Role.fromCode(role);
            char[] password = passwordStdin ? readFirstLine(context().stdin()) : prompt();
            try {
                PasswordPolicy.check(username, password);
                try (Database db = open()) {
                    User user = db.inTransaction(tx -> {
                        User added = tx.users().add(username, parsedRole, password);
                        tx.audit().append(ACTOR, "user.add", null, added.username() + " (" + parsedRole.code() + ")");
                        return added;
                    });
                    out().println("added user " + user.username() + " with role " + user.role().code());
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            return MediAssistCli.EXIT_OK;
        }

        private char[] prompt() {
            CliContext.PasswordPrompt terminal = context().terminal().orElseThrow(() -> new CliFailure(
                    "no terminal to ask for the password; pipe it in with --password-stdin", true));
            char[] first = terminal.readPassword("Password for %s: ", username);
            char[] second = terminal.readPassword("Repeat the password: ");
            if (first == null || second == null) {
                throw new CliFailure("no password entered", true);
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliFailure("the two passwords differ; nothing was changed", true);
            }
            PasswordHasher.validate(first);
            return first;
        }

        /** The first line of standard input without its line break, as characters. */
        static char[] readFirstLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
            char[] result = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            if (result.length == 0) {
                throw new CliFailure("--password-stdin: standard input holds no password", true);
            }
            return result;
        }
    }

    @Command(name = "list", description = "List users.")
    static final class ListUsers extends StoreCommand {

        @Override
        public Integer call() {
            try (Database db = open()) {
                var users = db.users().list();
                if (users.isEmpty()) {
                    out().println("no users yet; add the first admin with: users add --username NAME --role admin");
                    return MediAssistCli.EXIT_OK;
                }
                out().printf("%-32s %-7s %-9s %s%n", "USERNAME", "ROLE", "STATUS", "CREATED");
                for (User u : users) {
                    out().printf("%-32s %-7s %-9s %s%n", u.username(), u.role().code(),
                            u.disabled() ? "disabled" : "active", u.createdAt());
                }
            }
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "disable", description = "Disable a user: no more logins, their API tokens stop working.")
    static final class Disable extends StoreCommand {

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            try (Database db = open()) {
                User user = db.inTransaction(tx -> {
                    User disabled = tx.users().disable(username);
                    tx.audit().append(ACTOR, "user.disable", null, disabled.username());
                    return disabled;
                });
                out().println("disabled user " + user.username());
            }
            return MediAssistCli.EXIT_OK;
        }
    }
}
