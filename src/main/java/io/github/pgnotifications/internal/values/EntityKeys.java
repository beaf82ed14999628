package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.Messages;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The key an await matches when a test passes an entity instance instead of its id: the entity's {@code @Id}. */
public final class EntityKeys {

    private EntityKeys() {
    }

    /**
     * The id itself, or for an instance of a {@code jakarta.persistence} entity (or of a proxy of one) the value of
     * its {@code @Id}, read through its getter when it has one (a lazy proxy's fields are empty), else its field.
     *
     * @throws IllegalArgumentException if the entity has no single {@code @Id}, or its id is still null
     */
    public static Object keyOf(Object id) {
        if (id == null || plain(id)) {
            return id;
        }
        Class<?> entity = Persistence.entityClass(id);
        if (entity == null) {
            return id;
        }
        List<Field> fields = Persistence.idFields(entity);
        List<Method> getters = Persistence.idGetters(entity);
        if (fields.size() + getters.size() != 1) {
            throw new IllegalArgumentException(Messages.entityWithoutSingleId(entity.getSimpleName(),
                    fields.stream().map(Field::getName).toList(), getters.stream().map(Method::getName).toList()));
        }
        Member member = fields.isEmpty() ? getters.get(0) : fields.get(0);
        if (Persistence.has((java.lang.reflect.AnnotatedElement) member, "EmbeddedId")) {
            throw new IllegalArgumentException(Messages.entityWithEmbeddedId(entity.getSimpleName(),
                    member.getName()));
        }
        Object key = read(id, member, entity);
        if (key == null) {
            throw new IllegalArgumentException(Messages.entityIdNull(entity.getSimpleName(), member.getName()));
        }
        return key;
    }

    private static boolean plain(Object id) {
        return id instanceof CharSequence || id instanceof Number || id instanceof UUID || id instanceof Collection<?>
                || id instanceof Map<?, ?> || id instanceof TemporalAccessor || id instanceof Enum<?>
                || id instanceof Boolean || id.getClass().isArray();
    }

    private static Object read(Object instance, Member member, Class<?> entity) {
        try {
            Method getter = member instanceof Method method ? method : getter(entity, (Field) member);
            if (getter != null && getter.trySetAccessible()) {
                return getter.invoke(instance);
            }
            Field field = (Field) member;
            if (!field.trySetAccessible()) {
                throw new IllegalArgumentException(Messages.entityIdNotOpen(entity.getSimpleName(), field.getName(),
                        entity.getPackageName(), String.valueOf(entity.getModule().getName())));
            }
            return field.get(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method getter(Class<?> entity, Field field) {
        String name = "get" + field.getName().substring(0, 1).toUpperCase(Locale.ROOT) + field.getName().substring(1);
        try {
            Method getter = entity.getMethod(name);
            return Modifier.isStatic(getter.getModifiers()) ? null : getter;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
