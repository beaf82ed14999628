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
import java.util.function.Function;
import java.util.function.Predicate;

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
     * @param field     the field to set, or null for a record component
     * @param open      whether it may be set (a field of a package that is not open to this library may not)
     * @param columns   the columns that fill it, in the order tried (an entity's {@code @Column} or
     *                  {@code @JoinColumn} name, or the default name of a join column); empty: found by its name
     * @param reference for an entity's {@code @ManyToOne}/{@code @OneToOne}, the entity it refers to; else null
     * @param required  whether a row without its column fails (an entity's columns), rather than leaving it be
     * @param embedded  for an entity's {@code @Embedded} value, its shape, read from the same row; else null
     */
    record Property(String name, Type type, Field field, boolean open, List<String> columns, Reference reference,
                    boolean required, RowShape embedded) {

        Property(String name, Type type, Field field, boolean open) {
            this(name, type, field, open, List.of(), null, false, null);
        }

        String kind() {
            return field == null ? "component" : "field";
        }
    }

    /**
     * The entity a foreign key column refers to: made with its no-argument constructor, with only its id set.
     *
     * @param problem why it cannot be made (message text), or null
     */
    record Reference(Class<?> target, Constructor<?> constructor, Field id, String problem) {

        static Reference to(Class<?> target) {
            List<Field> ids = Persistence.idFields(target);
            if (ids.size() != 1 || Persistence.has(ids.get(0), "EmbeddedId")) {
                return new Reference(target, null, null, RowMapping.noSingleId(target));
            }
            try {
                Constructor<?> constructor = target.getDeclaredConstructor();
                if (!constructor.trySetAccessible() || !ids.get(0).trySetAccessible()) {
                    return new Reference(target, null, null, RowMapping.notOpen(target, "constructor"));
                }
                return new Reference(target, constructor, ids.get(0), null);
            } catch (NoSuchMethodException e) {
                return new Reference(target, null, null, RowMapping.noConstructor(target));
            }
        }

        /** The id column's name as the foreign key's default name ends: its {@code @Column} name, else its name. */
        String idColumn() {
            List<Field> ids = Persistence.idFields(target);
            if (ids.isEmpty()) {
                return "id";
            }
            String named = Persistence.attribute(ids.get(0), "Column", "name");
            return named.isEmpty() ? RowMapping.snakeCase(ids.get(0).getName()) : named;
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
            if (Persistence.isEntity(type) || Persistence.has(type, "Embeddable")) {
                return entityShape(type, type.getDeclaredConstructor());
            }
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
        return fieldShape(type, constructor, field -> false,
                field -> new Property(field.getName(), field.getGenericType(), field, field.trySetAccessible()));
    }

    /**
     * An entity's persistent fields, each filled from its column: {@code @Column(name)}, {@code @JoinColumn(name)} (or
     * the default join column, {@code customer_id} for {@code customer}), else its own name. Collections, inverse
     * sides and {@code @Transient} fields are no columns of the row and are left alone; every other field is required.
     */
    private static RowShape entityShape(Class<?> type, Constructor<?> constructor) {
        return fieldShape(type, constructor, Persistence::notAColumn, RowShape::entityProperty);
    }

    /**
     * One property per instance field of the type and its superclasses, but static, transient, synthetic and
     * {@code skipped} ones; a subclass's field hides a superclass's field of the same name.
     */
    private static RowShape fieldShape(Class<?> type, Constructor<?> constructor, Predicate<Field> skipped,
                                       Function<Field, Property> property) {
        if (!constructor.trySetAccessible()) {
            return failed(RowMapping.notOpen(type, "constructor"));
        }
        List<Property> properties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                        && !skipped.test(field) && names.add(field.getName())) {
                    properties.add(property.apply(field));
                }
            }
        }
        return new RowShape(constructor, List.copyOf(properties), null);
    }

    private static Property entityProperty(Field field) {
        boolean open = field.trySetAccessible();
        if (Persistence.isReference(field)) {
            Reference reference = Reference.to(field.getType());
            String joinColumn = Persistence.attribute(field, "JoinColumn", "name");
            List<String> columns = joinColumn.isEmpty() ? List.of(field.getName() + "_" + reference.idColumn(),
                    RowMapping.snakeCase(field.getName()) + "_" + reference.idColumn()) : List.of(joinColumn);
            return new Property(field.getName(), field.getGenericType(), field, open,
                    columns.stream().distinct().toList(), reference, true, null);
        }
        if (Persistence.has(field, "Embedded") || Persistence.has(field, "EmbeddedId")
                || Persistence.has(field.getType(), "Embeddable")) {
            RowShape shape = of(field.getType());
            if (shape.problem() == null) {
                return new Property(field.getName(), field.getGenericType(), field, open, List.of(), null, true,
                        shape);
            }
        }
        String column = Persistence.attribute(field, "Column", "name");
        return new Property(field.getName(), field.getGenericType(), field, open,
                column.isEmpty() ? List.of() : List.of(column), null, true, null);
    }

    private static RowShape failed(String problem) {
        return new RowShape(null, List.of(), problem);
    }
}
