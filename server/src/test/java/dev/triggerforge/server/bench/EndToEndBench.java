package dev.triggerforge.server.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import dev.triggerforge.server.it.Prometheus;
import dev.triggerforge.server.it.ServerProcess;
import dev.triggerforge.server.it.Services;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The server end to end on this machine's RabbitMQ and PostgreSQL, in one run, so the figures are comparable:
 * <ol>
 *   <li>a bare {@code com.rabbitmq.client} consumer (same prefetch as the server, manual acknowledgements, one
 *   multiple-ack per 500) drains a queue pre-filled with the events: the broker's ceiling on this machine;</li>
 *   <li>the server, started as its packaged jar on a fresh database and fresh queues that already hold the same
 *   events, drains them: events/s between the warm-up mark and the last event, from its
 *   {@code triggerforge_events_processed_total};</li>
 *   <li>the capacity: paced phases at rising tenths of that rate while the publisher shares the machine, up to the
 *   last one the server keeps up with;</li>
 *   <li>at 50 % and 90 % of that capacity, a paced publisher sends events for a fixed time, each phase once the
 *   server and RabbitMQ are quiet again; latency quantiles come from the difference of the server's
 *   {@code triggerforge_event_end_to_end_latency_seconds} (publish to commit) and
 *   {@code triggerforge_event_decision_latency_seconds} (received to commit) histograms before and after.</li>
 * </ol>
 * Events are the synthetic shop traffic (seed 42) with {@code occurredAt} set to the moment of publication and ids
 * made unique per pass; messages are persistent and carry {@code x-published-at}. Sizes: {@code -Dbench.events}
 * (measured events in 1 and 2, default 200000), {@code -Dbench.warmup} (events before the measured ones, 40000),
 * {@code -Dbench.phaseSeconds} (each latency phase, 20), {@code -Dbench.phaseWarmup} (seconds of the same pace
 * before each phase is measured, 20: the JIT recompiles much of the server, Hibernate and the JDBC driver when the pace
 * changes from a drain's large turns to small ones), {@code -Dbench.prefetch} (2000), {@code -Dbench.serverJvm}
 * and {@code -Dbench.serverExtra} (options for the server JVM, space separated), {@code -Dbench.jfr=true} (a flight
 * recording of the server, written to {@code bench.out}), {@code -Dbench.pgSlowMs=N} (PostgreSQL logs the server's
 * statements slower than N ms with their plans), {@code -Dbench.analyze=true} (an ANALYZE of the server's fresh
 * database half-way through the warm-up, so PostgreSQL plans with real statistics; off by default),
 * {@code -Dbench.loads} (the paced phases, {@code 0.5,0.9}), as shares of {@code -Dbench.loadBase}: {@code capacity}
 * (the default: the highest rate, in tenths of the drain rate, that the server keeps up with while the publisher runs
 * on the same machine), {@code drain} (the drain rate itself, as before 2026-11-24) or a number of events/s (the same
 * rates in every run, to compare two builds or settings),
 * {@code -Dbench.cluster=P} (the server in cluster mode on P partition queues fed by a consistent-hash exchange,
 * instead of the single queue; 0, off, by default).
 */
public final class EndToEndBench {

    private static final String PROCESSED = "triggerforge_events_processed_total";
    private static final String E2E = "triggerforge_event_end_to_end_latency_seconds";
    private static final String DECISION = "triggerforge_event_decision_latency_seconds";
    private static final String TURN = "triggerforge_partition_turn_latency_seconds";
    private static final String COMMIT = "triggerforge_partition_commit_latency_seconds";
    private static final int ACK_EVERY = 500;

    private final int events = Integer.getInteger("bench.events", 200_000);
    private final int warmup = Integer.getInteger("bench.warmup", 40_000);
    private final int phaseSeconds = Integer.getInteger("bench.phaseSeconds", 20);
    private final int phaseWarmup = Integer.getInteger("bench.phaseWarmup", 20);
    private final int prefetch = Integer.getInteger("bench.prefetch", 2000);
    private final String serverJvm = System.getProperty("bench.serverJvm", "-Xmx2g");
    private final String serverExtra = System.getProperty("bench.serverExtra", "");
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final int pgSlowMs = Integer.getInteger("bench.pgSlowMs", -1);
    private final boolean analyze = Boolean.getBoolean("bench.analyze");
    private final int cluster = Integer.getInteger("bench.cluster", 0);
    private final List<Double> loads = Arrays.stream(System.getProperty("bench.loads", "0.5,0.9").split(","))
            .map(String::trim).map(Double::valueOf).toList();
    private final String loadBase = System.getProperty("bench.loadBase", "capacity");
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    private final Services services = new Services();
    private final List<String> lines = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private EventSource source;

    public static void main(String[] args) throws Exception {
        EndToEndBench bench = new EndToEndBench();
        Thread cleanup = new Thread(bench::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            bench.run();
        } finally {
            bench.cleanUp();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        say("End-to-end benchmark, %s: %d cores, Java %s, %s; load average %.2f at the start", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), postgresVersion(),
                load);
        long genStart = System.nanoTime();
        int perPass = warmup + events;
        int customers = (int) Math.ceil(perPass / 8.5);
        List<CustomerEvent> traffic = SyntheticTraffic.generate(SyntheticConfig.of(customers, 7, 42)).events();
        source = new EventSource(traffic);
        say("synthetic traffic: %d customers over 7 days, %d events (%d ms); each pass renames ids and customers",
                customers, traffic.size(), ms(System.nanoTime() - genStart));

        Result bare = bareConsumer(ACK_EVERY);
        Result bareSingle = bareConsumer(1);
        ServerRun server = serverRun();
        double rate = server.drain.rate;
        double base = rate;
        List<Phase> search = new ArrayList<>();
        if (loadBase.equals("capacity")) {
            base = server.capacity(rate, search);
        } else if (!loadBase.equals("drain")) {
            base = Double.parseDouble(loadBase);
        }
        List<Phase> phases = new ArrayList<>();
        for (double share : loads) {
            phases.add(server.latency(share, base * share, phaseSeconds));
        }
        server.stop();

        report(bare, bareSingle, server, search, base, phases, load);
    }

    // ---- 1: bare consumer ------------------------------------------------------------------------------------------

    /** A plain consumer; {@code ackEvery} 1 acknowledges each message on its own, as the server's connector does. */
    private Result bareConsumer(int ackEvery) throws Exception {
        Services.Names names = Services.Names.unique("tfbench.bare");
        cleanups.add(() -> services.deleteAll(names));
        Result r;
        try (Connection c = services.rabbit("bench-bare")) {
            Channel setup = c.createChannel();
            Services.declareLikeServer(setup, names);
            source.reset();
            long fill = prefill(c, names, warmup + events);
            say("bare consumer: %d events pre-filled in %d ms", warmup + events, fill);

            Channel ch = c.createChannel();
            ch.basicQos(prefetch);
            CountDownLatch done = new CountDownLatch(1);
            long[] marks = new long[2];
            Map<String, Double> cpuBefore = new CpuSampler(-1).sample();
            long wallBefore = System.nanoTime();
            ch.basicConsume(names.queue(), false, new DefaultConsumer(ch) {
                private long count;

                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                           byte[] body) throws IOException {
                    count++;
                    if (count == warmup) {
                        marks[0] = System.nanoTime();
                    }
                    if (count % ackEvery == 0 || count == warmup + events) {
                        ch.basicAck(envelope.getDeliveryTag(), true);
                    }
                    if (count == warmup + events) {
                        marks[1] = System.nanoTime();
                        done.countDown();
                    }
                }
            });
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("bare consumer did not finish");
            }
            Map<String, Double> cores = CpuSampler.cores(cpuBefore, new CpuSampler(-1).sample(),
                    (System.nanoTime() - wallBefore) / 1e9);
            double seconds = (marks[1] - marks[0]) / 1e9;
            r = new Result(events, seconds, events / seconds, cores);
            say("bare consumer, ack per %d: %d events in %.2f s = %.0f events/s; cores busy: %s", ackEvery, events,
                    seconds, r.rate, fmt(cores));
            ch.close();
            setup.close();
        }
        services.deleteAll(names);
        return r;
    }

    // ---- 2 and 3: the server ---------------------------------------------------------------------------------------

    private ServerRun serverRun() throws Exception {
        Services.Names names = Services.Names.unique("tfbench");
        String db = Services.uniqueDatabase("tfbench");
        cleanups.add(() -> services.deleteAll(names));
        cleanups.add(() -> services.dropDatabase(db));
        Files.deleteIfExists(out.resolve("server.log"));
        services.recreateDatabase(db);
        if (pgSlowMs >= 0) {
            // PostgreSQL logs each statement of the server slower than this, with its plan (auto_explain)
            try (java.sql.Connection admin = services.database("postgres"); Statement s = admin.createStatement()) {
                s.execute("alter database " + db + " set log_min_duration_statement = " + pgSlowMs);
                s.execute("alter database " + db + " set session_preload_libraries = 'auto_explain'");
                s.execute("alter database " + db + " set auto_explain.log_min_duration = " + pgSlowMs);
            }
            say("PostgreSQL logs statements over %d ms with their plans (server log of PostgreSQL)", pgSlowMs);
        }
        Connection c = services.rabbit("bench-server");
        Channel setup = c.createChannel();
        if (cluster > 0) {
            declarePartitioned(setup, names);
        } else {
            Services.declareLikeServer(setup, names);
        }
        setup.close();
        source.reset();
        long fill = prefill(c, names, warmup + events);
        say("server: %d events pre-filled in %d ms into %s (database %s)", warmup + events, fill, names.queue(), db);

        ServerProcess.Builder b = ServerProcess.builder().services(services, db, names)
                .property("triggerforge.data-dir", out.resolve("data").toAbsolutePath())
                .property("triggerforge.events.prefetch", prefetch)
                .log(out.resolve("server.log"));
        if (cluster > 0) {
            b.property("triggerforge.cluster.enabled", true).property("triggerforge.cluster.partitions", cluster)
                    .property("triggerforge.cluster.exchange", names.exchange() + ".partitioned")
                    .property("triggerforge.cluster.queue-prefix", names.queue() + ".partition")
                    .property("triggerforge.cluster.prefetch", Math.max(1, prefetch / cluster));
        }
        for (String opt : serverJvm.split("\\s+")) {
            b.jvmOption(opt);
        }
        for (String opt : serverExtra.split("\\s+")) {
            b.jvmOption(opt);
        }
        if (jfr) {
            b.jvmOption("-XX:StartFlightRecording=filename=" + out.resolve("server.jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        ServerProcess server = b.build();
        cleanups.add(server::kill);
        long started = System.nanoTime();
        server.start();
        ServerRun run = new ServerRun(server, c, names, db);
        run.drain = run.drain(started);
        return run;
    }

    private final class ServerRun {
        final ServerProcess server;
        final Connection connection;
        final Services.Names names;
        final String db;
        final CpuSampler cpu;
        long expected;
        Result drain;
        String drainDb = "";
        String partitions = "?";

        ServerRun(ServerProcess server, Connection connection, Services.Names names, String db) {
            this.server = server;
            this.connection = connection;
            this.names = names;
            this.db = db;
            this.cpu = new CpuSampler(server.pid());
        }

        /** Per table: sequential scans and the rows they read, index scans, inserts (since the database was made). */
        String tableStats() {
            List<String> out = new ArrayList<>();
            try (java.sql.Connection c = services.database(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins "
                         + "from pg_stat_user_tables where seq_scan + coalesce(idx_scan, 0) + n_tup_ins > 0 "
                         + "order by seq_tup_read desc")) {
                while (rs.next()) {
                    out.add(String.format(Locale.ROOT, "%s seq %d (%d rows) idx %d ins %d", rs.getString(1),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            } catch (Exception e) {
                out.add("n/a: " + e.getMessage());
            }
            return String.join("; ", out);
        }

        /** Commits, rows inserted and rows read in the server's database so far (PostgreSQL's statistics). */
        long[] dbStats() {
            try (java.sql.Connection c = services.database("postgres");
                 java.sql.PreparedStatement s = c.prepareStatement("select xact_commit, xact_rollback, tup_inserted, "
                         + "tup_returned, tup_fetched from pg_stat_database where datname = ?")) {
                s.setString(1, db);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                }
            } catch (Exception e) {
                return new long[5];
            }
        }

        /** Polls the processed counter from the moment the HTTP interface answers until every event is counted. */
        Result drain(long startedNanos) throws Exception {
            long total = warmup + events;
            expected = total;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            double firstSeen = -1;
            long markA = 0;
            double countA = 0;
            long markB = 0;
            double countB = 0;
            long ready = -1;
            Map<String, Double> cpuA = null;
            Map<String, Double> cpuB = null;
            boolean analyzed = false;
            long[] statsA = new long[5];
            long[] statsB = new long[5];
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("server exited:\n" + server.logTail(40));
                }
                double processed;
                try {
                    processed = server.metrics().sum(PROCESSED);
                } catch (RuntimeException e) {
                    Thread.sleep(100);
                    continue;                       // not listening yet
                }
                long now = System.nanoTime();
                if (ready < 0) {
                    ready = now;
                    firstSeen = processed;
                    say("server: HTTP up after %d ms with %.0f events already processed", ms(now - startedNanos),
                            processed);
                    if (processed >= warmup) {
                        say("server: WARNING the warm-up was consumed before the first scrape; raise bench.warmup");
                    }
                }
                if (analyze && !analyzed && processed >= warmup / 2) {
                    analyzed = true;
                    long t = System.nanoTime();
                    try (java.sql.Connection c = services.database(db); Statement s = c.createStatement()) {
                        s.execute("analyze");
                    }
                    say("server: ANALYZE of the database at %.0f processed events took %d ms", processed,
                            ms(System.nanoTime() - t));
                }
                if (markA == 0 && processed >= warmup) {
                    markA = now;
                    countA = processed;
                    cpuA = cpu.sample();
                    statsA = dbStats();
                }
                if (processed >= total) {
                    markB = now;
                    countB = processed;
                    cpuB = cpu.sample();
                    Thread.sleep(1200);                 // PostgreSQL publishes its statistics about once a second
                    statsB = dbStats();
                    break;
                }
                Thread.sleep(200);
            }
            if (markB == 0) {
                throw new IllegalStateException("server did not process " + total + " events in time");
            }
            double seconds = (markB - markA) / 1e9;
            double measured = countB - countA;
            Map<String, Double> cores = CpuSampler.cores(cpuA, cpuB, seconds);
            Result r = new Result((long) measured, seconds, measured / seconds, cores);
            say("server drain: %.0f events in %.2f s = %.0f events/s (first scrape at %.0f processed); cores busy: %s",
                    measured, seconds, r.rate, firstSeen, fmt(cores));
            long commits = statsB[0] - statsA[0];
            drainDb = String.format(Locale.ROOT, "%d commits (%.0f/s, %.1f events each), %d rollbacks, %d rows "
                            + "inserted, %d rows returned", commits, commits / seconds, measured / Math.max(1, commits),
                    statsB[1] - statsA[1], statsB[2] - statsA[2], statsB[3] - statsA[3]);
            say("server drain, PostgreSQL side (approximate, statistics lag up to 1 s): %s", drainDb);
            say("tables since the start: %s", tableStats());
            checkRejected();
            server.awaitReady(Duration.ofSeconds(30));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"partitions\"\\s*:\\s*(\\d+)")
                    .matcher(server.get("/q/health/ready"));
            partitions = m.find() ? m.group(1) : "?";
            say("server: %s partitions; server options: %s %s", partitions, serverJvm, serverExtra);
            return r;
        }

        /**
         * The highest rate, in steps of a tenth of the drain rate, that the server keeps up with while the publisher
         * runs on the same cores: every event committed within a second of its publication at p99, the backlog gone
         * within a second of the last publish. The drain alone does not pay for publishing, so it overstates what
         * "half load" is on a machine that does both.
         */
        double capacity(double drainRate, List<Phase> steps) throws Exception {
            double kept = 0;
            for (int tenth = 2; tenth <= 10; tenth++) {
                Phase p = latency(tenth / 10.0, drainRate * tenth / 10.0, Math.max(5, phaseSeconds / 2));
                steps.add(p);
                boolean keptUp = p.latency.quantile(0.99) <= 1.0 && p.catchUpSeconds <= 1.0
                        && p.achieved >= 0.97 * p.target;
                if (!keptUp) {
                    break;
                }
                kept = p.achieved;
            }
            if (kept == 0) {
                say("capacity: not even a fifth of the drain rate kept up; loads are shares of the drain rate");
                return drainRate;
            }
            say("capacity with the publisher on the same machine: %.0f events/s (%.2f of the drain rate)", kept,
                    kept / drainRate);
            return kept;
        }

        /** Waits until the server and RabbitMQ are quiet (under 0.2 cores together for a second), at most 60 s. */
        private void settle() throws InterruptedException {
            long start = System.nanoTime();
            Map<String, Double> before = cpu.sample();
            long mark = System.nanoTime();
            double busy = Double.NaN;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(1000);
                Map<String, Double> now = cpu.sample();
                long at = System.nanoTime();
                Map<String, Double> cores = CpuSampler.cores(before, now, (at - mark) / 1e9);
                busy = cores.getOrDefault("server", 0.0) + cores.getOrDefault("rabbitmq", 0.0);
                if (busy < 0.2) {
                    break;
                }
                before = now;
                mark = at;
            }
            say("settled in %.1f s (server and RabbitMQ %.2f cores in the last second)",
                    (System.nanoTime() - start) / 1e9, busy);
        }

        /** A paced publisher at {@code rate} for {@code seconds}; latency from the histogram's difference. */
        Phase latency(double share, double rate, int seconds) throws Exception {
            settle();
            double recordedAtStart = server.metrics().histogram(E2E).count();
            Prometheus before = null;
            Map<String, Double> cpuBefore = null;
            Instant measuredFrom = null;
            long wallBefore = 0;
            long total = 0;
            long sent = 0;
            long publishNanos;
            try (Channel ch = connection.createChannel()) {
                ch.confirmSelect();
                long intervalNanos = (long) (1e9 / rate);
                long start = System.nanoTime();
                long measureFrom = start + TimeUnit.SECONDS.toNanos(phaseWarmup);
                long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
                long next = start;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    if (before == null && now >= measureFrom) {
                        before = server.metrics();
                        cpuBefore = cpu.sample();
                        wallBefore = System.nanoTime();
                        measuredFrom = Instant.now();
                        next = Math.max(next, wallBefore);
                        continue;
                    }
                    if (now < next) {
                        LockSupport.parkNanos(next - now);
                        continue;
                    }
                    publish(ch, names);
                    total++;
                    if (before != null) {
                        sent++;
                    }
                    next += intervalNanos;
                }
                publishNanos = System.nanoTime() - wallBefore;
                ch.waitForConfirmsOrDie(60_000);
            }
            expected += total;
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // every event of the phase counted and its latency recorded (recorded after the commit, counted before);
            // the measured histogram also holds the few events of the warm-up still in flight at its end
            Prometheus after = server.metrics();
            while (after.sum(PROCESSED) < expected || after.histogram(E2E).count() < recordedAtStart + total) {
                if (System.nanoTime() > drainDeadline) {
                    throw new IllegalStateException("server did not catch up after the phase at " + rate);
                }
                Thread.sleep(100);
                after = server.metrics();
            }
            long catchUp = System.nanoTime() - wallBefore - publishNanos;
            Map<String, Double> cores = CpuSampler.cores(cpuBefore, cpu.sample(), (System.nanoTime() - wallBefore) / 1e9);
            Prometheus.Histogram h = after.histogram(E2E).minus(before.histogram(E2E));
            Prometheus.Histogram d = after.histogram(DECISION).minus(before.histogram(DECISION));
            Phase p = new Phase(share, rate, sent, publishNanos / 1e9, sent / (publishNanos / 1e9), h, d, catchUp / 1e9,
                    cores);
            say("latency at %.0f events/s, measured from %s: sent %d in %.1f s (%.0f/s); %.0f recorded; publish to "
                            + "commit p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, mean %.1f ms; event to decision (received "
                            + "to commit) p50 %.1f ms, p99 %.1f ms; caught up %.2f s after the last publish; cores busy: %s",
                    rate, measuredFrom.truncatedTo(ChronoUnit.SECONDS), sent, p.seconds, p.achieved, h.count(),
                    h.quantile(0.5) * 1e3, h.quantile(0.99) * 1e3,
                    h.quantile(0.999) * 1e3, h.mean() * 1e3, d.quantile(0.5) * 1e3, d.quantile(0.99) * 1e3,
                    p.catchUpSeconds, fmt(cores));
            Prometheus.Histogram turns = after.histogram(TURN).minus(before.histogram(TURN));
            Prometheus.Histogram commits = after.histogram(COMMIT).minus(before.histogram(COMMIT));
            say("  partition turns at %.0f events/s: %.0f with events (%.1f events each), p50 %.1f ms, p99 %.1f ms, "
                            + "p99.9 %.1f ms; their commits p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", rate, turns.count(),
                    d.count() / turns.count(), turns.quantile(0.5) * 1e3, turns.quantile(0.99) * 1e3,
                    turns.quantile(0.999) * 1e3, commits.quantile(0.5) * 1e3, commits.quantile(0.99) * 1e3,
                    commits.quantile(0.999) * 1e3);
            checkRejected();
            return p;
        }

        private void checkRejected() {
            double rejected = server.metrics().sum("triggerforge_events_rejected_total");
            if (rejected > 0) {
                throw new IllegalStateException(rejected + " events were rejected to the dead-letter queue");
            }
        }

        void stop() throws Exception {
            server.stop(Duration.ofSeconds(30));
            connection.close();
        }
    }

    // ---- publishing ------------------------------------------------------------------------------------------------

    /**
     * Cluster mode's topology as the server declares it (same arguments, or its declaration would fail): the events
     * exchange feeding a consistent-hash exchange on the customer header, and the partition queues; pre-filled before
     * the server starts, like the single queue.
     */
    private void declarePartitioned(Channel ch, Services.Names names) throws IOException {
        String partitioned = names.exchange() + ".partitioned";
        ch.exchangeDeclare(names.exchange(), "topic", true);
        ch.exchangeDeclare(names.deadLetterExchange(), "direct", true);
        ch.queueDeclare(names.deadLetterQueue(), true, false, false, null);
        ch.queueBind(names.deadLetterQueue(), names.deadLetterExchange(), "dead");
        ch.exchangeDeclare(partitioned, "x-consistent-hash", true, false, Map.of("hash-header", "x-customer-id"));
        ch.exchangeBind(partitioned, names.exchange(), "#");
        for (int n = 0; n < cluster; n++) {
            String queue = names.queue() + ".partition." + n;
            ch.queueDeclare(queue, true, false, false, Map.of("x-single-active-consumer", true,
                    "x-dead-letter-exchange", names.deadLetterExchange(), "x-dead-letter-routing-key", "dead"));
            ch.queueBind(queue, partitioned, "1");
        }
        cleanups.add(() -> services.deletePartitioned(partitioned, names.queue() + ".partition", cluster));
    }

    /** Publishes {@code n} events as fast as the broker confirms them; returns the milliseconds it took. */
    private long prefill(Connection c, Services.Names names, int n) throws Exception {
        long start = System.nanoTime();
        try (Channel ch = c.createChannel()) {
            ch.confirmSelect();
            for (int i = 0; i < n; i++) {
                publish(ch, names);
                if (i % 5000 == 4999) {
                    ch.waitForConfirmsOrDie(60_000);
                }
            }
            ch.waitForConfirmsOrDie(60_000);
        }
        return ms(System.nanoTime() - start);
    }

    private void publish(Channel ch, Services.Names names) throws IOException {
        long now = System.currentTimeMillis();
        EventSource.Next e = source.next(now);
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
                .headers(Map.of("x-published-at", now, "x-customer-id", e.customerId())).build();
        ch.basicPublish(names.exchange(), "event." + e.type(), props, e.body());
    }

    /** The synthetic events again and again, each pass with its own ids and customers, occurredAt = now. */
    private static final class EventSource {
        record Next(String type, String customerId, byte[] body) {
        }

        private final List<CustomerEvent> events;
        private int position;
        private int pass;

        EventSource(List<CustomerEvent> events) {
            this.events = events;
        }

        void reset() {
            position = 0;
            pass = 0;
        }

        Next next(long nowMillis) {
            CustomerEvent e = events.get(position);
            String prefix = "p" + pass + "-";
            CustomerEvent renamed = new CustomerEvent(prefix + e.eventId(), prefix + e.customerId(), e.type(),
                    Instant.ofEpochMilli(nowMillis), e.properties());
            if (++position == events.size()) {
                position = 0;
                pass++;
            }
            return new Next(e.type().name(), renamed.customerId(), EventCodec.encode(renamed).getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- results ---------------------------------------------------------------------------------------------------

    private record Result(long events, double seconds, double rate, Map<String, Double> cores) {
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private record Phase(double share, double target, long sent, double seconds, double achieved, Prometheus.Histogram latency,
                         Prometheus.Histogram decision, double catchUpSeconds, Map<String, Double> cores) {
    }

    private void report(Result bare, Result bareSingle, ServerRun server, List<Phase> search, double base,
                        List<Phase> phases, double load) throws IOException {
        String of = switch (loadBase) {
            case "capacity" -> base == server.drain.rate ? "drain" : "capacity";
            case "drain" -> "drain";
            default -> loadBase + "/s";
        };
        Result drain = server.drain;
        List<String> md = new ArrayList<>();
        md.add("Latency columns: *publish to commit* from `x-published-at` (RabbitMQ's queueing included), then *event "
                + "to decision*, from the server receiving the event to its decisions being committed.");
        md.add("");
        md.add("| measurement | events | seconds | events/s | vs bare consumer | p50 ms | p99 ms | p99.9 ms "
                + "| event to decision p50 ms | p99 ms |");
        md.add("|---|---|---|---|---|---|---|---|---|---|");
        md.add(String.format(Locale.ROOT, "| bare consumer (prefetch %d, ack per %d) | %d | %.2f | %.0f | 1.00 | | | "
                + "| | |", prefetch, ACK_EVERY, bare.events, bare.seconds, bare.rate));
        md.add(String.format(Locale.ROOT, "| bare consumer, one ack per message (as the server's connector) | %d | %.2f "
                        + "| %.0f | %.2f | | | | | |", bareSingle.events, bareSingle.seconds, bareSingle.rate,
                bareSingle.rate / bare.rate));
        md.add(String.format(Locale.ROOT, "| server (%s), drain of a full queue | %d | %.2f | %.0f | %.2f | | | | | |",
                cluster > 0 ? "cluster mode, " + cluster + " partition queues" : server.partitions + " partitions",
                drain.events, drain.seconds, drain.rate, drain.rate / bare.rate));
        for (Phase p : search) {
            md.add(pacedRow("capacity search, " + percent(p.share) + " of drain", p, bare));
        }
        if (of.equals("capacity")) {
            md.add(String.format(Locale.ROOT, "| **capacity** (kept up with the publisher on the same cores) | | | "
                    + "%.0f | %.2f | | | | | |", base, base / bare.rate));
        }
        for (Phase p : phases) {
            md.add(pacedRow(percent(p.share) + " of " + of, p, bare));
        }
        md.add("");
        md.add("Cores kept busy (CPU seconds / wall seconds, from /proc; *others* is everything else on the machine, "
                + "such as other builds) and CPU time per event. *2-core estimate*: the rate if the consuming side "
                + "(RabbitMQ and the consumer: the benchmark JVM for the bare consumer; server and PostgreSQL for the "
                + "drain) had both cores to itself at the same CPU cost per event, a projection that removes "
                + "other load from the comparison:");
        md.add("");
        md.add("| phase | server JVM | RabbitMQ | PostgreSQL | benchmark JVM | others | whole machine | µs/event: server "
                + "/ RabbitMQ / PostgreSQL / benchmark | 2-core estimate, events/s |");
        md.add("|---|---|---|---|---|---|---|---|---|");
        double bareCap = capacity(bare.cores, bare.rate, false);
        md.add(coresRow("bare consumer", bare.cores, bare.rate, bareCap));
        md.add(coresRow("bare consumer, ack per message", bareSingle.cores, bareSingle.rate,
                capacity(bareSingle.cores, bareSingle.rate, false)));
        double drainCap = capacity(drain.cores, drain.rate, true);
        md.add(coresRow("server drain", drain.cores, drain.rate, drainCap));
        for (Phase p : search) {
            md.add(coresRow("capacity search, " + percent(p.share) + " of drain", p.cores, p.achieved, Double.NaN));
        }
        for (Phase p : phases) {
            md.add(coresRow("paced " + percent(p.share) + " of " + of, p.cores, p.achieved, Double.NaN));
        }
        md.add("");
        md.add(String.format(Locale.ROOT, "2-core estimates: server drain %.0f events/s against the bare consumer's "
                + "%.0f: **%.0f %%**.", drainCap, bareCap, 100 * drainCap / bareCap));
        md.add("");
        boolean ratio = drain.rate >= 0.5 * bare.rate;
        boolean rate = drain.rate >= 15_000;
        Phase half = phases.stream().filter(p -> p.share == 0.5).findFirst().orElse(phases.get(0));
        double p99 = half.decision.quantile(0.99) * 1e3;
        md.add(String.format(Locale.ROOT, "Targets: at least 50 %% of the bare consumer: **%.0f %%**, %s; at least "
                        + "15,000 events/s: **%.0f**, %s; event-to-decision p99 at most 50 ms at 50 %% load: **%.1f "
                        + "ms** at %s of %s (%.0f events/s), %s (publish to commit: %.1f ms).",
                100 * drain.rate / bare.rate, ratio ? "met" : "not met", drain.rate, rate ? "met" : "not met", p99,
                percent(half.share), of, half.achieved, p99 <= 50 ? "met" : "not met",
                half.latency.quantile(0.99) * 1e3));
        md.add(String.format(Locale.ROOT, "Load average at the start: %.2f. Drain, PostgreSQL side: %s.", load,
                server.drainDb));
        System.out.println();
        md.forEach(System.out::println);
        List<String> file = new ArrayList<>(lines);
        file.add("");
        file.addAll(md);
        Files.write(out.resolve("end-to-end.md"), file, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("written to " + out.resolve("end-to-end.md").toAbsolutePath());
    }

    private static String pacedRow(String load, Phase p, Result bare) {
        return String.format(Locale.ROOT, "| server, paced at %.0f/s (%s) | %d | %.1f | %.0f | %.2f | %.1f | %.1f "
                        + "| %.1f | %.1f | %.1f |", p.target, load, p.sent, p.seconds, p.achieved,
                p.achieved / bare.rate, p.latency.quantile(0.5) * 1e3, p.latency.quantile(0.99) * 1e3,
                p.latency.quantile(0.999) * 1e3, p.decision.quantile(0.5) * 1e3, p.decision.quantile(0.99) * 1e3);
    }

    private static String coresRow(String phase, Map<String, Double> cores, double rate, double capacity) {
        double ours = cores.getOrDefault("server", 0.0) + cores.getOrDefault("rabbitmq", 0.0)
                + cores.getOrDefault("postgresql", 0.0) + cores.getOrDefault("bench", 0.0);
        double machine = cores.getOrDefault("machine", Double.NaN);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f / %.0f / %.0f / %.0f "
                        + "| %s |", phase,
                cores.getOrDefault("server", Double.NaN), cores.getOrDefault("rabbitmq", Double.NaN),
                cores.getOrDefault("postgresql", Double.NaN), cores.getOrDefault("bench", Double.NaN),
                Math.max(0, machine - ours), machine, perEvent(cores, "server", rate),
                perEvent(cores, "rabbitmq", rate), perEvent(cores, "postgresql", rate), perEvent(cores, "bench", rate),
                Double.isNaN(capacity) ? "" : String.format(Locale.ROOT, "%.0f", capacity));
    }

    /** CPU microseconds per event of one process group. */
    private static double perEvent(Map<String, Double> cores, String group, double rate) {
        return cores.getOrDefault(group, Double.NaN) / rate * 1e6;
    }

    /** Events/s that two cores sustain at the measured CPU cost per event of the consuming side. */
    private static double capacity(Map<String, Double> cores, double rate, boolean server) {
        double micros = perEvent(cores, "rabbitmq", rate) + (server
                ? perEvent(cores, "server", rate) + perEvent(cores, "postgresql", rate)
                : perEvent(cores, "bench", rate));
        return 2e6 / micros;
    }

    private static String fmt(Map<String, Double> cores) {
        Map<String, String> s = new LinkedHashMap<>();
        cores.forEach((k, v) -> s.put(k, String.format(Locale.ROOT, "%.2f", v)));
        return s.toString();
    }

    private String postgresVersion() {
        try (java.sql.Connection c = services.database("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            return rs.next() ? "PostgreSQL " + rs.getString(1) : "PostgreSQL ?";
        } catch (Exception e) {
            return "PostgreSQL not reachable (" + e.getMessage() + ")";
        }
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("[bench] " + line);
    }

    private synchronized void cleanUp() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("[bench] cleanup: " + e.getMessage());
            }
        }
        cleanups.clear();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
