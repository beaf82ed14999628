package io.github.pgnotifications.benchmark.suite;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.PgNotificationsSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Six Spring Boot test classes written two ways, for the suite-scale figures: with no code ({@link NoCodeCase}), and
 * hand-wired as a team would without the integration: a session of its own started in {@code @BeforeAll}, a
 * {@code @DynamicPropertySource} that points the application at it, and {@code @DirtiesContext} so that the context
 * closes before the class's database is dropped ({@link HandWiredCase}). Each writes a row through the application's
 * pool and awaits it.
 */
public final class SpringClasses {

    public static final int COUNT = 6;
    /** How many application contexts were built; the benchmark reads it before and after each run. */
    public static final AtomicInteger CONTEXTS_BUILT = new AtomicInteger();

    private SpringClasses() {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    public static class Application {
        @Bean
        Object contextCounter() {
            CONTEXTS_BUILT.incrementAndGet();
            return new Object();
        }
    }

    /**
     * The suite's test classpath has Spring Data JPA (for the library's own JPA tests); these applications are plain
     * JDBC ones, so that the figure is the library's cost and not Hibernate's start-up.
     */
    static final String NO_JPA =
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration";

    static void writeAndAwait(JdbcTemplate jdbc, NotificationRecorder recorder) {
        long id = System.nanoTime();
        jdbc.update("INSERT INTO items VALUES (?, 'one')", id);
        recorder.channel("items").awaitInsert(id);
    }

    @SpringBootTest(classes = Application.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off", "spring.main.log-startup-info=false",
            NO_JPA})
    @PgNotifications(tables = "items", scripts = "classpath:items-bigint.sql")
    public abstract static class NoCodeCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void writesAndAwaitsItsRow(NotificationRecorder recorder) {
            writeAndAwait(jdbc, recorder);
        }
    }

    @SpringBootTest(classes = Application.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off", "spring.main.log-startup-info=false",
            NO_JPA})
    @DirtiesContext
    public abstract static class HandWiredCase {
        static PgNotificationsSession session;

        @Autowired
        JdbcTemplate jdbc;

        @BeforeAll
        static void startSession() {
            session = PgNotificationsSession.builder().tables("items").scripts("classpath:items-bigint.sql").start();
        }

        @AfterAll
        static void closeSession() {
            session.close();
        }

        @DynamicPropertySource
        static void pointApplicationAtTestDatabase(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> session.connectionInfo().jdbcUrl());
            registry.add("spring.datasource.username", () -> session.connectionInfo().username());
            registry.add("spring.datasource.password", () -> session.connectionInfo().password());
        }

        @Test
        void writesAndAwaitsItsRow() {
            writeAndAwait(jdbc, session.recorder());
        }
    }

    public static List<Class<?>> noCodeClasses() {
        return List.of(NoCode1.class, NoCode2.class, NoCode3.class, NoCode4.class, NoCode5.class, NoCode6.class);
    }

    public static List<Class<?>> handWiredClasses() {
        return List.of(HandWired1.class, HandWired2.class, HandWired3.class, HandWired4.class, HandWired5.class, HandWired6.class);
    }

    public static final class NoCode1 extends NoCodeCase {
    }

    public static final class NoCode2 extends NoCodeCase {
    }

    public static final class NoCode3 extends NoCodeCase {
    }

    public static final class NoCode4 extends NoCodeCase {
    }

    public static final class NoCode5 extends NoCodeCase {
    }

    public static final class NoCode6 extends NoCodeCase {
    }

    public static final class HandWired1 extends HandWiredCase {
    }

    public static final class HandWired2 extends HandWiredCase {
    }

    public static final class HandWired3 extends HandWiredCase {
    }

    public static final class HandWired4 extends HandWiredCase {
    }

    public static final class HandWired5 extends HandWiredCase {
    }

    public static final class HandWired6 extends HandWiredCase {
    }
}
