import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community in-process with only the Bolt connector, for powermap's local default.
 *
 * Embedding (rather than CommunityEntryPoint with a generated neo4j.conf) keeps the whole
 * server to one JVM whose lifetime this class owns: it shuts the database down when standard
 * input closes, so the JVM can never outlive the Node process that started it, even when
 * that process is killed without a chance to clean up.
 *
 * Authentication is on although Bolt listens on loopback only: any web page the developer
 * opens can reach 127.0.0.1 over WebSocket, and Neo4j answers Bolt over WebSocket on the
 * same port with no setting to refuse it (TransportSelectionHandler switches any request
 * that starts with "GET" to WebSocket). The password is read from PASSWORD_FILE, never from
 * the command line, and is in force before the Bolt port opens:
 * - a new store creates user neo4j with it (Neo4j's initial-password file, auth.ini);
 * - a store made with authentication off still has neo4j's default password "neo4j", which
 *   Neo4j replaces from the same file while the system database starts;
 * - any other store (the password file was replaced) gets it by ALTER USER right after start.
 *
 * Usage: java -Dpowermap.pagecache=512m -cp CLASSPATH Launcher.java STORE_DIR PORT PASSWORD_FILE
 */
public class Launcher {
    private static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher STORE_DIR PORT PASSWORD_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        // Less one final line break, as neo4j/password.ts writes it.
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).replaceFirst("\\r?\\n\\z", "");
        ensurePortFree(port);
        Path initialPassword = writeInitialPassword(home, password);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                // Bolt otherwise waits 5 s twice on shutdown for clients that are already gone.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
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

        try {
            alignPassword(dbms, password);
        } catch (RuntimeException e) {
            System.err.println("PASSWORD_REJECTED " + e.getMessage());
            System.exit(4);
        } finally {
            // It holds only a hash, but it has done its work and is not read again.
            Files.deleteIfExists(initialPassword);
        }
        System.out.println("powermap-neo4j ready bolt://127.0.0.1:" + port);
        System.out.flush();

        // The parent holds our stdin open; end of input means it has gone.
        watchParent(System.in);
        System.exit(0);
    }

    /** auth.ini, as `neo4j-admin dbms set-initial-password` writes it, in the store's auth folder. */
    private static Path writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository repository = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repository.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            repository.create(new User(USER, null, credential, false, false));
            repository.shutdown();
        }
        return file;
    }

    /** Sets the password when the store holds another one; the same password is refused, and fine. */
    private static void alignPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
        }
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
