package io.github.pgnotifications.internal.values;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link RowMapping} needs to know of a target class, found once per class: how to make one, and the properties
 * a column can fill. A class that cannot be made carries the reason instead.
 *
 * @param constructor the canonical constructor of a record, the no-argument constructor of another class
 * @param properties  a record's components in order, or the instance fields of a class and its superclasses
 * @param problem     why the class cannot be made (message text), or null
 */
record RowShape(Constructor<?> constructor, List<Property> properties, String problem) {

    /** Cached on the class itself, so that a shape lives as long as its class and never keeps a class loader. */
    private static final ClassValue<RowShape> SHAPES = new ClassValue<>() {
        @Override
        protected RowShape computeValue(Class<?> type) {
            return find(type);
        }
    };

    /**
     * A record component or a field.
     *
     * @param field the field to set, or null for a record component
     * @param open  whether it may be set (a field of a package that is not open to this library may not)
     */
    record Property(String name, Type type, Field field, boolean open) {

        String kind() {
            return field == null ? "component" : "field";
        }
    }

    static RowShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    boolean isRecord() {
        return constructor.getDeclaringClass().isRecord();
    }

    private static RowShape find(Class<?> type) {
        if (type.isRecord()) {
            return recordShape(type);
        }
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers())) {
            return failed(RowMapping.notAClass(type));
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return failed(RowMapping.innerClass(type));
        }
        try {
            return plainShape(type, type.getDeclaredConstructor());
        } catch (NoSuchMethodException e) {
            return failed(RowMapping.noConstructor(type));
        }
    }

    private static RowShape recordShape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type, e);
        }
        if (!canonical.trySetAccessible()) {
            return failed(RowMapping.notOpen(type, "constructor"));
        }
        List<Property> properties = Arrays.stream(components)
                .map(c -> new Property(c.getName(), c.getGenericType(), null, true)).toList();
        return new RowShape(canonical, properties, null);
    }

    private static RowShape plainShape(Class<?> type, Constructor<?> constructor) {
        if (!constructor.trySetAccessible()) {
            return failed(RowMapping.notOpen(type, "constructor"));
        }
        List<Property> properties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                boolean skipped = Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                        || field.isSynthetic();
                // A subclass's field hides a superclass's field of the same name.
                if (!skipped && names.add(field.getName())) {
                    properties.add(new Property(field.getName(), field.getGenericType(), field,
                            field.trySetAccessible()));
                }
            }
        }
        return new RowShape(constructor, List.copyOf(properties), null);
    }

    private static RowShape failed(String problem) {
        return new RowShape(null, List.of(), problem);
    }
}
