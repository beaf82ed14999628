package io.github.pgnotifications.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A class loader that sees the test classpath except some packages (as a user's loader without one Jackson would),
 * and that defines some of our test classes itself, so that a type can come from a loader other than ours.
 */
final class HidingClassLoader extends ClassLoader {

    static final String JACKSON_2 = "com.fasterxml.jackson.databind.";
    static final String JACKSON_3 = "tools.jackson.databind.";

    private final List<String> hiddenPrefixes;
    private final Set<String> ownClasses;

    HidingClassLoader(List<String> hiddenPrefixes, Class<?>... ownClasses) {
        super("hiding " + hiddenPrefixes, HidingClassLoader.class.getClassLoader());
        this.hiddenPrefixes = hiddenPrefixes;
        this.ownClasses = Set.of(names(ownClasses));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (hiddenPrefixes.stream().anyMatch(name::startsWith)) {
            throw new ClassNotFoundException(name + " is hidden by " + getName());
        }
        if (!ownClasses.contains(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineOwn(name);
        }
    }

    private Class<?> defineOwn(String name) {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] names(Class<?>... classes) {
        String[] names = new String[classes.length];
        for (int i = 0; i < classes.length; i++) {
            names[i] = classes[i].getName();
        }
        return names;
    }
}
