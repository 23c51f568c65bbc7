import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Test helper of install-test.sh: records schema version N in a MediAssist database, as a newer
 * MediAssist would, so that installing an older package over it must be refused.
 * Usage: java -cp sqlite-jdbc.jar SchemaVersionBump.java DB N
 */
public class SchemaVersionBump {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             PreparedStatement s = c.prepareStatement("INSERT INTO schema_version (version, description, checksum, "
                     + "applied_at) VALUES (?, 'written by a newer MediAssist', 'test', '2030-01-01T00:00:00Z')")) {
            s.setInt(1, Integer.parseInt(args[1]));
            s.executeUpdate();
        }
    }
}
