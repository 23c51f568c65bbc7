package com.mediassist.store.users;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.SqlTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Server-side browser sessions ({@code db.users().sessions()}). A session id is 32 random bytes;
 * only its SHA-256 is stored, so a copy of the database yields no usable session. A session ends
 * when {@link #end} is called (logout), when its user's password changes or the user is disabled
 * ({@link UserRepository} deletes the user's sessions in the same transaction), and at its absolute
 * expiry, whatever the activity. Times come from the injected clock.
 */
public final class SessionRepository {

    private final HandleSource source;
    private final Clock clock;
    private final SecureRandom random;

    public SessionRepository(HandleSource source, Clock clock, SecureRandom random) {
        this.source = source;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Starts a session for a user, deleting sessions that have expired.
     *
     * @param lifetime the absolute lifetime, 1 minute to 30 days
     * @throws UserNotFoundException when the user does not exist
     * @throws InvalidValueException naming {@code lifetime}
     */
    public IssuedSession start(String username, Duration lifetime) {
        if (lifetime == null || lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidValueException("lifetime", "must be between 1 minute and 30 days, got " + lifetime);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = SqlTime.now(clock);
        Instant expires = now.plus(lifetime);
        return source.inTransaction(h -> {
            User user = h.createQuery("SELECT id, username, role, disabled, created_at FROM users WHERE username = :u")
                    .bind("u", username == null ? "" : username.strip()).map(UserRepository::map).findOne()
                    .orElseThrow(() -> new UserNotFoundException(username));
            h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", SqlTime.format(now)).execute();
            h.createUpdate("INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (:h, :u, :c, :e)")
                    .bind("h", hash(id)).bind("u", user.id()).bind("c", SqlTime.format(now))
                    .bind("e", SqlTime.format(expires)).execute();
            return new IssuedSession(id, user, expires);
        });
    }

    /**
     * The user of a live session.
     *
     * @throws AuthenticationFailedException {@code UNKNOWN_SESSION} (never issued, ended, revoked),
     *     {@code SESSION_EXPIRED} or {@code USER_DISABLED}
     */
    public User verify(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.UNKNOWN_SESSION, "session");
        }
        Instant now = clock.instant();
        return source.withHandle(h -> {
            Optional<Row> row = h.createQuery("SELECT u.id, u.username, u.role, u.disabled, u.created_at, s.expires_at "
                            + "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :h")
                    .bind("h", hash(sessionId))
                    .map((rs, ctx) -> new Row(UserRepository.map(rs, ctx), SqlTime.parseInstant(rs.getString("expires_at"))))
                    .findOne();
            if (row.isEmpty()) {
                throw new AuthenticationFailedException(AuthenticationFailedException.Reason.UNKNOWN_SESSION, "session");
            }
            User user = row.get().user();
            if (!row.get().expiresAt().isAfter(now)) {
                throw new AuthenticationFailedException(AuthenticationFailedException.Reason.SESSION_EXPIRED,
                        user.username());
            }
            if (user.disabled()) {
                throw new AuthenticationFailedException(AuthenticationFailedException.Reason.USER_DISABLED,
                        user.username());
            }
            return user;
        });
    }

    /** Ends a session (logout); an unknown id is ignored. */
    public void end(String sessionId) {
        if (sessionId != null) {
            source.inTransaction(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :h")
                    .bind("h", hash(sessionId)).execute());
        }
    }

    /** Ends every session of a user; returns how many there were. */
    public int endAll(String username) {
        return source.inTransaction(h -> endAllOf(h, username));
    }

    /** Ends every session of a user within the caller's transaction. */
    static int endAllOf(Handle h, String username) {
        return h.createUpdate("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = :u)")
                .bind("u", username == null ? "" : username.strip()).execute();
    }

    /** How many live (unexpired) sessions a user has. */
    public long count(String username) {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE u.username = :u AND s.expires_at > :now")
                .bind("u", username == null ? "" : username.strip()).bind("now", SqlTime.format(clock.instant()))
                .mapTo(Long.class).one());
    }

    static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private record Row(User user, Instant expiresAt) {
    }
}
