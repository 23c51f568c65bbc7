package com.mediassist.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class ConnectionPoolTest {

    @TempDir
    Path dir;

    private SQLiteDataSource sqlite() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("pool.db"));
        return ds;
    }

    @Test
    void reusesAHandedBackConnection() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(sqlite(), 2)) {
            Connection first = pool.getConnection();
            Connection real = first.unwrap(org.sqlite.SQLiteConnection.class);
            first.close();
            Connection second = pool.getConnection();
            assertThat(second.unwrap(org.sqlite.SQLiteConnection.class)).isSameAs(real);
            second.close();
        }
    }

    @Test
    void rollsBackWorkLeftUncommittedWhenHandedBack() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(sqlite(), 2)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE t (x INTEGER)");
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertThat(c.getAutoCommit()).isTrue();
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void refusesUseAfterHandBackAndBorrowsAfterClose() throws Exception {
        ConnectionPool pool = new ConnectionPool(sqlite(), 1);
        Connection c = pool.getConnection();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("handed back");
        pool.close();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }

    @Test
    void closesConnectionsBeyondTheIdleLimit() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(sqlite(), 1)) {
            Connection a = pool.getConnection();
            Connection b = pool.getConnection();
            Connection realB = b.unwrap(org.sqlite.SQLiteConnection.class);
            a.close();
            b.close();
            assertThat(realB.isClosed()).isTrue();
        }
    }
}
