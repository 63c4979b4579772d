package io.dirsync.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Authing v2 management API (GraphQL at {@code /graphql/v2}, REST
 * under {@code /api/v2}), persistent when given a data directory, with rate limiting, latency
 * and fault injection. Start with {@link #start}; {@link #close} stops it and compacts its store.
 * Thread-safe.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    /** Enough for latency-bound benchmarks: threads mostly wait on the network or the latency knob. */
    private static final int THREADS = 64;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final SandboxOptions options;
    private final HttpServer http;
    private final ExecutorService executor;
    private final CallStats stats;
    private final HttpFront front;
    private Sandbox sandbox;

    private SandboxServer(SandboxOptions options, Sandbox sandbox, HttpServer http, ExecutorService executor,
                          CallStats stats, HttpFront front) {
        this.options = options;
        this.sandbox = sandbox;
        this.http = http;
        this.executor = executor;
        this.stats = stats;
        this.front = front;
    }

    /** Lets {@code POST /sandbox/reset} reach the server built after the front. */
    private static final class ResetHook {
        private volatile SandboxServer server;

        void run() {
            server.reset();
        }
    }

    private static HttpFront.Api api(Sandbox sandbox, CallStats stats) {
        Wiring wiring = new Wiring(stats);
        GroupRoleFetchers groupRoles = new GroupRoleFetchers(sandbox);
        new UserFetchers(sandbox).register(wiring);
        groupRoles.register(wiring);
        new OrgFetchers(sandbox, groupRoles).register(wiring);
        new CustomDataFetchers(sandbox).register(wiring);
        new PolicyFetchers(sandbox).register(wiring);
        RestRoutes rest = new RestRoutes();
        new UserRoutes(sandbox).register(rest);
        new OrgAclRoutes(sandbox).register(rest);
        return new HttpFront.Api(sandbox, new GraphqlEndpoint(wiring), rest,
                new io.dirsync.sandbox.v3.V3Endpoint(new PoolStore(sandbox)));
    }

    /**
     * Deletes all users, groups, roles, orgs, custom data, policies and the audit trail (also on
     * disk) and zeroes the stats; the pool key stays, so issued tokens stay valid. Meant for tests
     * between scenarios: calls in flight during a reset may see either state.
     */
    public synchronized void reset() {
        sandbox = sandbox.wipe();
        front.use(api(sandbox, stats));
        stats.reset();
    }

    /** Starts a sandbox with the system clock. */
    public static SandboxServer start(SandboxOptions options) {
        return start(options, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the store, binds the HTTP server and starts answering.
     *
     * @throws UncheckedIOException when the port cannot be bound or the data directory is unusable
     */
    public static SandboxServer start(SandboxOptions options, Clock clock) {
        // The JDK server writes headers and body in two segments; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every keep-alive call. The JDK
        // reads this property once, when its first HttpServer starts.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        Sandbox sandbox = Sandbox.open(options, clock);
        try {
            CallStats stats = new CallStats();
            ResetHook hook = new ResetHook();
            HttpFront front = new HttpFront(options, api(sandbox, stats), stats,
                    new RateLimiter(options.rateLimitRps(), clock), new FaultInjector(options.failRate(),
                    new Random(options.seed())), hook::run);
            HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            http.createContext("/", front);
            http.setExecutor(executor);
            SandboxServer server = new SandboxServer(options, sandbox, http, executor, stats, front);
            hook.server = server;
            http.start();
            LOG.info("sandbox for user pool {} listening on {} ({})", options.userPoolId(), server.baseUri(),
                    options.dataDir() == null ? "in memory" : "data in " + options.dataDir());
            return server;
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException("cannot start the sandbox on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** {@code http://host:port} — pass it to a client as the Authing host. */
    public URI baseUri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public SandboxOptions options() {
        return options;
    }

    /** Calls answered so far, by operation (GraphQL root field or REST route). */
    public SandboxStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    /** Stops answering, then compacts and closes the store. */
    @Override
    public synchronized void close() {
        http.stop(0);
        executor.shutdownNow();
        sandbox.close();
    }
}
