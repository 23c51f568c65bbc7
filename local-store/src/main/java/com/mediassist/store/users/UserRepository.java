package com.mediassist.store.users;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.SqlTime;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Local users: add, find, authenticate, list, disable, enable, change password.
 * Passwords are bcrypt-hashed ({@link PasswordHasher}); the caller's {@code char[]} is not cleared
 * here, the caller owns it.
 */
public final class UserRepository {

    /** Usernames: 3..64 of letters, digits, dot, underscore, hyphen, at-sign. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private static final String COLUMNS = "id, username, role, disabled, created_at";

    private final HandleSource source;
    private final Clock clock;
    private final PasswordHasher hasher;
    /**
     * Hashes checked against for unknown users so that a wrong name costs as much time as a wrong
     * password; one per cost, made on first need and shared, since repositories are made per transaction.
     */
    private static final Map<Integer, String> DECOY_HASHES = new ConcurrentHashMap<>();

    private final int passwordCost;
    private final SessionRepository sessions;

    public UserRepository(HandleSource source, Clock clock, int passwordCost, SecureRandom random) {
        this.source = source;
        this.clock = clock;
        this.hasher = new PasswordHasher(passwordCost, random);
        this.passwordCost = passwordCost;
        this.sessions = new SessionRepository(source, clock, random);
    }

    /** The users' server-side browser sessions. */
    public SessionRepository sessions() {
        return sessions;
    }

    /**
     * Adds a user.
     *
     * @throws InvalidValueException naming {@code username} or {@code password} when malformed
     * @throws DuplicateUsernameException when the name is taken (ignoring case)
     */
    public User add(String username, Role role, char[] password) {
        String name = validUsername(username);
        if (role == null) {
            throw new InvalidValueException("role", "is required (doctor or admin)");
        }
        String hash = hasher.hash(password);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            if (find(h, name).isPresent()) {
                throw new DuplicateUsernameException(name);
            }
            long id = h.createUpdate("INSERT INTO users (username, password_hash, role, disabled, created_at) "
                            + "VALUES (:u, :p, :r, 0, :c)")
                    .bind("u", name).bind("p", hash).bind("r", role.code()).bind("c", SqlTime.format(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new User(id, name, role, false, now);
        });
    }

    /** The user with that name (ignoring case), if any. */
    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return source.withHandle(h -> find(h, username.strip()));
    }

    /**
     * The user with that name.
     *
     * @throws UserNotFoundException when there is none
     */
    public User get(String username) {
        return find(username).orElseThrow(() -> new UserNotFoundException(username));
    }

    /** The user with that id, if any. */
    public Optional<User> findById(long id) {
        return source.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map(UserRepository::map).findOne());
    }

    /** Every user, by name. */
    public List<User> list() {
        return source.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map(UserRepository::map).list());
    }

    /** Whether no user exists yet (a fresh appliance needs its first admin). */
    public boolean isEmpty() {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one() == 0);
    }

    /**
     * Checks a login. Takes the same time whether or not the user exists.
     *
     * @return the user when the password matches and the user is enabled
     * @throws AuthenticationFailedException otherwise, with the reason
     */
    public User authenticate(String username, char[] password) {
        Optional<PasswordRow> row = source.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + ", password_hash FROM users WHERE username = :u")
                .bind("u", username == null ? "" : username.strip())
                .map((rs, ctx) -> new PasswordRow(map(rs, ctx), rs.getString("password_hash"))).findOne());
        if (row.isEmpty()) {
            hasher.matches(password, DECOY_HASHES.computeIfAbsent(passwordCost,
                    c -> hasher.hash("decoy-password-never-valid".toCharArray())));
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.UNKNOWN_USER,
                    String.valueOf(username));
        }
        if (!hasher.matches(password, row.get().hash())) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.WRONG_PASSWORD,
                    row.get().user().username());
        }
        if (row.get().user().disabled()) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.USER_DISABLED,
                    row.get().user().username());
        }
        return row.get().user();
    }

    /**
     * Disables a user: no more logins, their browser sessions end, and their API tokens stop verifying.
     *
     * @throws UserNotFoundException when there is none
     */
    public User disable(String username) {
        return setDisabled(username, true);
    }

    /**
     * Enables a disabled user again.
     *
     * @throws UserNotFoundException when there is none
     */
    public User enable(String username) {
        return setDisabled(username, false);
    }

    /**
     * Replaces a user's password and ends the user's browser sessions.
     *
     * @throws UserNotFoundException when there is none
     * @throws InvalidValueException naming {@code password} when it breaks the length rules
     */
    public void changePassword(String username, char[] newPassword) {
        String hash = hasher.hash(newPassword);
        source.inTransaction(h -> {
            User user = find(h, username).orElseThrow(() -> new UserNotFoundException(username));
            SessionRepository.endAllOf(h, user.username());
            return h.createUpdate("UPDATE users SET password_hash = :p WHERE id = :id")
                    .bind("p", hash).bind("id", user.id()).execute();
        });
    }

    private User setDisabled(String username, boolean disabled) {
        return source.inTransaction(h -> {
            User user = find(h, username == null ? "" : username.strip())
                    .orElseThrow(() -> new UserNotFoundException(username));
            h.createUpdate("UPDATE users SET disabled = :d WHERE id = :id")
                    .bind("d", disabled ? 1 : 0).bind("id", user.id()).execute();
            if (disabled) {
                SessionRepository.endAllOf(h, user.username());
            }
            return new User(user.id(), user.username(), user.role(), disabled, user.createdAt());
        });
    }

    private static Optional<User> find(Handle h, String username) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :u")
                .bind("u", username).map(UserRepository::map).findOne();
    }

    private static String validUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidValueException("username", "is required");
        }
        String name = username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidValueException("username",
                    "must be 3 to 64 letters, digits or . _ @ -, got '" + name + "'");
        }
        return name;
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), Role.fromCode(rs.getString("role")),
                rs.getInt("disabled") != 0, SqlTime.parseInstant(rs.getString("created_at")));
    }

    private record PasswordRow(User user, String hash) {
    }
}
