package com.mediassist.store.users;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * API tokens for integrations. A token is {@code mda_} followed by 32 random bytes in base64url;
 * the database keeps only its SHA-256, so a stolen database file yields no usable token. Tokens are
 * high-entropy, so a plain hash (no salt, no slow hash) is enough and lookup by hash is safe.
 */
public final class TokenRepository {

    /** Prefix of every token, so that secret scanners and people recognise one. */
    public static final String PREFIX = "mda_";

    private static final Pattern SHAPE = Pattern.compile("mda_[A-Za-z0-9_-]{43}");
    private static final String COLUMNS =
            "t.id, t.name, t.role, u.username, t.created_at, t.revoked_at";
    private static final String FROM = " FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id";

    private final HandleSource source;
    private final Clock clock;
    private final SecureRandom random;

    public TokenRepository(HandleSource source, Clock clock, SecureRandom random) {
        this.source = source;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Creates a token not bound to a user.
     *
     * @see #create(String, Role, Optional)
     */
    public IssuedToken create(String name, Role role) {
        return create(name, role, Optional.empty());
    }

    /**
     * Creates a token; its clear text is returned once, here, and never again.
     *
     * @param name unique among live tokens, 1..100 characters
     * @param role what calls with it may do
     * @param username the user it acts for, if any
     * @throws DuplicateTokenNameException when a live token has that name
     * @throws UserNotFoundException when {@code username} names nobody
     * @throws InvalidValueException naming {@code name} or {@code role} when missing
     */
    public IssuedToken create(String name, Role role, Optional<String> username) {
        String tokenName = Fields.required("name", name, 100);
        if (role == null) {
            throw new InvalidValueException("role", "is required (doctor or admin)");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            Long userId = null;
            if (username.isPresent()) {
                userId = h.createQuery("SELECT id FROM users WHERE username = :u").bind("u", username.get().strip())
                        .mapTo(Long.class).findOne().orElseThrow(() -> new UserNotFoundException(username.get()));
            }
            boolean taken = h.createQuery("SELECT count(*) FROM api_tokens WHERE name = :n AND revoked_at IS NULL")
                    .bind("n", tokenName).mapTo(Long.class).one() > 0;
            if (taken) {
                throw new DuplicateTokenNameException(tokenName);
            }
            long id = h.createUpdate("INSERT INTO api_tokens (name, token_hash, role, user_id, created_at) "
                            + "VALUES (:n, :h, :r, :u, :c)")
                    .bind("n", tokenName).bind("h", sha256(secret)).bind("r", role.code())
                    .bind("u", userId).bind("c", SqlTime.format(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new IssuedToken(new ApiToken(id, tokenName, role, username.map(String::strip), now,
                    Optional.empty()), secret);
        });
    }

    /**
     * Checks a presented token.
     *
     * @return the live token it is
     * @throws AuthenticationFailedException when it is malformed, unknown, revoked, or its user is disabled
     */
    public ApiToken verify(String presented) {
        if (presented == null || !SHAPE.matcher(presented.strip()).matches()) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.MALFORMED_TOKEN, "token");
        }
        String hash = sha256(presented.strip());
        Optional<TokenRow> row = source.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + ", u.disabled" + FROM + " WHERE t.token_hash = :h")
                .bind("h", hash)
                .map((rs, ctx) -> new TokenRow(map(rs, ctx), rs.getInt("disabled") != 0))
                .findOne());
        if (row.isEmpty()) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.UNKNOWN_TOKEN, "token");
        }
        ApiToken token = row.get().token();
        if (!token.live()) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.TOKEN_REVOKED, token.name());
        }
        if (row.get().userDisabled()) {
            throw new AuthenticationFailedException(AuthenticationFailedException.Reason.USER_DISABLED, token.name());
        }
        return token;
    }

    /**
     * Revokes the live token with that name.
     *
     * @return the token as revoked
     * @throws TokenNotFoundException when no live token has that name
     */
    public ApiToken revoke(String name) {
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            ApiToken token = h.createQuery("SELECT " + COLUMNS + FROM + " WHERE t.name = :n AND t.revoked_at IS NULL")
                    .bind("n", name == null ? "" : name.strip()).map(TokenRepository::map).findOne()
                    .orElseThrow(() -> new TokenNotFoundException(name));
            h.createUpdate("UPDATE api_tokens SET revoked_at = :r WHERE id = :id")
                    .bind("r", SqlTime.format(now)).bind("id", token.id()).execute();
            return new ApiToken(token.id(), token.name(), token.role(), token.username(), token.createdAt(),
                    Optional.of(now));
        });
    }

    /** Every token, live and revoked, newest first. */
    public List<ApiToken> list() {
        return source.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + " ORDER BY t.id DESC")
                .map(TokenRepository::map).list());
    }

    private static ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), Role.fromCode(rs.getString("role")),
                Optional.ofNullable(rs.getString("username")), SqlTime.parseInstant(rs.getString("created_at")),
                Optional.ofNullable(SqlTime.parseInstant(rs.getString("revoked_at"))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private record TokenRow(ApiToken token, boolean userDisabled) {
    }
}
