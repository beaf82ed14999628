package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.Servers;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** {@code @PgNotifications(server = "name")}: a static field or method of the test class that provides the server. */
final class ServerField {

    private ServerField() {
    }

    static ServerContext resolve(Class<?> testClass, String name) {
        Object value = read(testClass, name);
        if (value instanceof ConnectionInfo info) {
            return Servers.existing(info, true);
        }
        return Servers.container(value, true).orElseThrow(() -> new SetupException(
                Messages.badServerField(testClass, name, value == null ? "null" : value.getClass().getName())));
    }

    private static Object read(Class<?> testClass, String name) {
        Optional<Field> field = ReflectionSupport.findFields(testClass,
                f -> f.getName().equals(name) && Modifier.isStatic(f.getModifiers()),
                HierarchyTraversalMode.BOTTOM_UP).stream().findFirst();
        if (field.isPresent()) {
            return ReflectionSupport.tryToReadFieldValue(field.get(), null).toOptional().orElse(null);
        }
        Optional<Method> method = ReflectionSupport.findMethod(testClass, name)
                .filter(m -> Modifier.isStatic(m.getModifiers()));
        if (method.isPresent()) {
            return ReflectionSupport.invokeMethod(method.get(), null);
        }
        throw new SetupException(Messages.serverFieldMissing(testClass, name));
    }
}
