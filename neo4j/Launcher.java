import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in-process with only the Bolt connector, for powermap's local default.
 *
 * Embedding (rather than CommunityEntryPoint with a generated neo4j.conf) keeps the whole
 * server to one JVM whose lifetime this class owns: it shuts the database down when standard
 * input closes, so the JVM can never outlive the Node process that started it, even when
 * that process is killed without a chance to clean up.
 *
 * Authentication is off because it listens on loopback only and holds a developer's data.
 *
 * Usage: java -Dpowermap.pagecache=512m -cp CLASSPATH Launcher.java STORE_DIR PORT
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher STORE_DIR PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        ensurePortFree(port);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                // Bolt otherwise waits 5 s twice on shutdown for clients that are already gone.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.parse(System.getProperty("powermap.pagecache", "512m")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "powermap-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        System.out.println("powermap-neo4j ready bolt://127.0.0.1:" + port);
        System.out.flush();

        // The parent holds our stdin open; end of input means it has gone.
        watchParent(System.in);
        System.exit(0);
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            System.err.println("PORT_IN_USE " + port);
            System.exit(3);
        }
    }

    private static void watchParent(InputStream in) {
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) != -1) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end of input.
        }
    }
}
