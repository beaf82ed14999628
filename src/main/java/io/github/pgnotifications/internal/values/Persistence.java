package io.github.pgnotifications.internal.values;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code jakarta.persistence} (or older {@code javax.persistence}) annotations of a user's entity say, read
 * by the annotations' names: the library never loads the API itself, so it needs none on the class path, and reads
 * the annotations of whichever class loader loaded the entity.
 */
final class Persistence {

    private static final List<String> PACKAGES = List.of("jakarta.persistence.", "javax.persistence.");

    private Persistence() {
    }

    /** Whether the class is annotated {@code @Entity}. */
    static boolean isEntity(Class<?> type) {
        return annotation(type, "Entity") != null;
    }

    /** Whether the element carries the annotation of this simple name, from either package. */
    static boolean has(AnnotatedElement element, String simpleName) {
        return annotation(element, simpleName) != null;
    }

    /** A string attribute of the annotation of this simple name; empty when absent, blank or not set. */
    static String attribute(AnnotatedElement element, String simpleName, String attribute) {
        Annotation found = annotation(element, simpleName);
        if (found == null) {
            return "";
        }
        try {
            Object value = found.annotationType().getMethod(attribute).invoke(found);
            return value instanceof String text ? text.strip() : "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    /** A field that is no column of the entity's own table: {@code @Transient}, a collection, an inverse side. */
    static boolean notAColumn(Field field) {
        return has(field, "Transient") || has(field, "OneToMany") || has(field, "ManyToMany")
                || has(field, "ElementCollection")
                || has(field, "OneToOne") && !attribute(field, "OneToOne", "mappedBy").isEmpty();
    }

    /** Whether the field holds another entity through a foreign key of this table. */
    static boolean isReference(Field field) {
        return has(field, "ManyToOne") || has(field, "OneToOne");
    }

    /** The fields of the class and its superclasses annotated {@code @Id} or {@code @EmbeddedId}, in order. */
    static List<Field> idFields(Class<?> type) {
        List<Field> ids = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && (has(field, "Id") || has(field, "EmbeddedId"))) {
                    ids.add(field);
                }
            }
        }
        return ids;
    }

    /** The getters of the class annotated {@code @Id} (property access), in order. */
    static List<Method> idGetters(Class<?> type) {
        List<Method> ids = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && (has(method, "Id") || has(method, "EmbeddedId"))) {
                ids.add(method);
            }
        }
        return ids;
    }

    /** The entity class behind an instance: itself, or the entity a runtime proxy (Hibernate's) extends. */
    static Class<?> entityClass(Object instance) {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (isEntity(c)) {
                return c;
            }
        }
        return null;
    }

    private static Annotation annotation(AnnotatedElement element, String simpleName) {
        for (Annotation annotation : element.getAnnotations()) {
            String name = annotation.annotationType().getName();
            for (String prefix : PACKAGES) {
                if (name.length() == prefix.length() + simpleName.length() && name.startsWith(prefix)
                        && name.endsWith(simpleName)) {
                    return annotation;
                }
            }
        }
        return null;
    }
}
