package com.mediassist.store.bundles;

import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The installed bundles and which one serves. Activation keeps the one it replaces as
 * {@code previous} so that a rollback is one step. Verifying a bundle's signature is the caller's
 * job (inference-core) before {@link #register}.
 */
public final class BundleRepository {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final HandleSource source;
    private final Clock clock;

    public BundleRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Records an installed bundle as {@code inactive}.
     *
     * @throws DuplicateBundleException when that id and version is already recorded
     * @throws InvalidValueException naming {@code bundleId}, {@code version}, {@code path} or {@code sha256}
     */
    public InstalledBundle register(String bundleId, String version, String path, String sha256) {
        String id = Fields.required("bundleId", bundleId, 200);
        String ver = Fields.required("version", version, 100);
        String where = Fields.required("path", path, 1000);
        String digest = Fields.required("sha256", sha256, 64).toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(digest).matches()) {
            throw new InvalidValueException("sha256", "must be 64 hex digits, got " + sha256);
        }
        Instant now = SqlTime.now(clock);
        return source.inTransaction(h -> {
            if (find(h, id, ver).isPresent()) {
                throw new DuplicateBundleException(id, ver);
            }
            long rowId = h.createUpdate("INSERT INTO bundles (bundle_id, version, path, sha256, installed_at, status) "
                            + "VALUES (:b, :v, :p, :s, :t, 'inactive')")
                    .bind("b", id).bind("v", ver).bind("p", where).bind("s", digest).bind("t", SqlTime.format(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new InstalledBundle(rowId, id, ver, where, digest, now, BundleStatus.INACTIVE);
        });
    }

    /**
     * Makes a version active; the version active until now becomes {@code previous}, and the one
     * that was previous becomes inactive. Activating the active version changes nothing.
     *
     * @throws BundleNotFoundException when that id and version is not installed
     */
    public InstalledBundle activate(String bundleId, String version) {
        return source.inTransaction(h -> {
            InstalledBundle target = find(h, bundleId, version)
                    .orElseThrow(() -> new BundleNotFoundException(bundleId + "@" + version));
            if (target.status() == BundleStatus.ACTIVE) {
                return target;
            }
            // Order matters: the partial unique indexes allow one active and one previous at every step.
            setStatus(h, target.id(), BundleStatus.INACTIVE);
            h.createUpdate("UPDATE bundles SET status = 'inactive' WHERE bundle_id = :b AND status = 'previous'")
                    .bind("b", target.bundleId()).execute();
            h.createUpdate("UPDATE bundles SET status = 'previous' WHERE bundle_id = :b AND status = 'active'")
                    .bind("b", target.bundleId()).execute();
            setStatus(h, target.id(), BundleStatus.ACTIVE);
            return find(h, bundleId, version).orElseThrow();
        });
    }

    /**
     * Rolls back: the previous version becomes active again and the active one inactive.
     *
     * @return the bundle now active
     * @throws BundleNotFoundException when there is no previous version
     */
    public InstalledBundle rollback(String bundleId) {
        return source.inTransaction(h -> {
            InstalledBundle previous = byStatus(h, bundleId, BundleStatus.PREVIOUS)
                    .orElseThrow(() -> new BundleNotFoundException(bundleId + " (no previous version to roll back to)"));
            h.createUpdate("UPDATE bundles SET status = 'inactive' WHERE bundle_id = :b AND status = 'active'")
                    .bind("b", bundleId).execute();
            setStatus(h, previous.id(), BundleStatus.ACTIVE);
            return byStatus(h, bundleId, BundleStatus.ACTIVE).orElseThrow();
        });
    }

    /** The active version of a bundle, if any. */
    public Optional<InstalledBundle> active(String bundleId) {
        return source.withHandle(h -> byStatus(h, bundleId, BundleStatus.ACTIVE));
    }

    /** The previous version of a bundle, if any. */
    public Optional<InstalledBundle> previous(String bundleId) {
        return source.withHandle(h -> byStatus(h, bundleId, BundleStatus.PREVIOUS));
    }

    /** Every installed bundle, by bundle id then newest install first. */
    public List<InstalledBundle> list() {
        return source.withHandle(h -> h.createQuery("SELECT * FROM bundles ORDER BY bundle_id, installed_at DESC, id DESC")
                .map(BundleRepository::map).list());
    }

    private static void setStatus(Handle h, long id, BundleStatus status) {
        h.createUpdate("UPDATE bundles SET status = :s WHERE id = :id").bind("s", status.code()).bind("id", id).execute();
    }

    private static Optional<InstalledBundle> byStatus(Handle h, String bundleId, BundleStatus status) {
        return h.createQuery("SELECT * FROM bundles WHERE bundle_id = :b AND status = :s")
                .bind("b", bundleId).bind("s", status.code()).map(BundleRepository::map).findOne();
    }

    private static Optional<InstalledBundle> find(Handle h, String bundleId, String version) {
        return h.createQuery("SELECT * FROM bundles WHERE bundle_id = :b AND version = :v")
                .bind("b", bundleId).bind("v", version).map(BundleRepository::map).findOne();
    }

    private static InstalledBundle map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new InstalledBundle(rs.getLong("id"), rs.getString("bundle_id"), rs.getString("version"),
                rs.getString("path"), rs.getString("sha256"), SqlTime.parseInstant(rs.getString("installed_at")),
                BundleStatus.fromCode(rs.getString("status")));
    }
}
