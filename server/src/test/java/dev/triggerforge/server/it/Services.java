package dev.triggerforge.server.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The real PostgreSQL and RabbitMQ on this machine, for tests and benchmarks that run the server against them:
 * throw-away databases and uniquely named exchanges and queues, created and removed here. Where they are comes from
 * system properties ({@code it.postgres.host}, {@code it.postgres.port}, {@code it.postgres.user},
 * {@code it.rabbitmq.host}, {@code it.rabbitmq.port}) with the defaults of the development and CI machines.
 */
public final class Services {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String pgHost = System.getProperty("it.postgres.host", "127.0.0.1");
    private final int pgPort = Integer.getInteger("it.postgres.port", 5432);
    private final String pgUser = System.getProperty("it.postgres.user", "postgres");
    private final String amqpHost = System.getProperty("it.rabbitmq.host", "127.0.0.1");
    private final int amqpPort = Integer.getInteger("it.rabbitmq.port", 5672);

    /** The exchange and queue names of one server run. */
    public record Names(String exchange, String queue, String deadLetterExchange, String deadLetterQueue) {

        /** Names no other run uses: {@code prefix.<random>.events} and so on. */
        public static Names unique(String prefix) {
            String base = prefix + "." + Long.toString(System.currentTimeMillis(), 36)
                    + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
            return new Names(base + ".events", base + ".events", base + ".dlx", base + ".dead");
        }
    }

    /** A name for a throw-away database: {@code prefix_<random>}. */
    public static String uniqueDatabase(String prefix) {
        return prefix + "_" + Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db;
    }

    public String pgUser() {
        return pgUser;
    }

    public String amqpHost() {
        return amqpHost;
    }

    public int amqpPort() {
        return amqpPort;
    }

    /** Drops {@code db} if it exists (ending its sessions) and creates it empty. */
    public void recreateDatabase(String db) {
        admin("drop database if exists " + checked(db) + " with (force)");
        admin("create database " + checked(db));
    }

    public void dropDatabase(String db) {
        admin("drop database if exists " + checked(db) + " with (force)");
    }

    public java.sql.Connection database(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), pgUser, "");
    }

    /** One row of a query's result, read by a test. */
    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} on database {@code db}, handing each row to {@code each}; returns how many rows there were. */
    public int query(String db, String sql, Row each) throws SQLException {
        int rows = 0;
        try (java.sql.Connection c = database(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.accept(rs);
                rows++;
            }
        }
        return rows;
    }

    /** The number in the first column of the first row, e.g. of a {@code select count(*)}. */
    public int count(String db, String sql) throws SQLException {
        long[] n = {0};
        query(db, sql, rs -> n[0] = rs.getLong(1));
        return (int) n[0];
    }

    public Connection rabbit(String name) throws IOException, TimeoutException {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(amqpHost);
        f.setPort(amqpPort);
        f.setUsername(System.getProperty("it.rabbitmq.user", "guest"));
        f.setPassword(System.getProperty("it.rabbitmq.password", "guest"));
        f.setAutomaticRecoveryEnabled(false);
        return f.newConnection(name);
    }

    /**
     * Declares the exchanges and queues exactly as the server does at start (the same arguments, or the server's
     * own declaration fails), so events can wait in its queue before it runs.
     */
    public static void declareLikeServer(Channel ch, Names n) throws IOException {
        ch.exchangeDeclare(n.exchange(), "topic", true);
        ch.exchangeDeclare(n.deadLetterExchange(), "direct", true);
        ch.queueDeclare(n.deadLetterQueue(), true, false, false, null);
        ch.queueBind(n.deadLetterQueue(), n.deadLetterExchange(), "dead");
        ch.queueDeclare(n.queue(), true, false, false, null);
        ch.queueBind(n.queue(), n.exchange(), "event.#");
    }

    /** Messages ready in a queue (not those delivered and awaiting acknowledgement); -1 when it does not exist. */
    public long ready(String queue) {
        try (Connection c = rabbit("tf-passive"); Channel ch = c.createChannel()) {
            AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(queue);
            return ok.getMessageCount();
        } catch (IOException e) {
            return -1;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a run's queues and exchanges; whatever is already gone is skipped. */
    public void deleteAll(Names n) {
        for (String q : new String[]{n.queue(), n.deadLetterQueue()}) {
            quietly(ch -> ch.queueDelete(q));
        }
        for (String e : new String[]{n.exchange(), n.deadLetterExchange(), n.exchange() + ".control"}) {
            quietly(ch -> ch.exchangeDelete(e));
        }
    }

    /** Removes cluster mode's consistent-hash exchange and its partition queues {@code prefix.0..partitions-1}. */
    public void deletePartitioned(String exchange, String queuePrefix, int partitions) {
        for (int n = 0; n < partitions; n++) {
            String q = queuePrefix + "." + n;
            quietly(ch -> ch.queueDelete(q));
        }
        quietly(ch -> ch.exchangeDelete(exchange));
    }

    /** Each on its own channel, since a failed operation closes its channel. */
    private void quietly(ChannelAction action) {
        try (Connection c = rabbit("tf-cleanup"); Channel ch = c.createChannel()) {
            action.run(ch);
        } catch (Exception e) {
            // already gone
        }
    }

    private interface ChannelAction {
        void run(Channel ch) throws IOException;
    }

    private void admin(String sql) {
        try (java.sql.Connection c = database("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String db) {
        if (!NAME.matcher(db).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        return db;
    }
}
