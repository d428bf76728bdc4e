package dev.triggerforge.rules.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a class of a given name exists where Drools would look for it, asked without initializing the class so no
 * static initializer runs; used to see what an unqualified name in a DRL file would resolve to.
 */
final class ClassLookup {

    private final Map<String, Boolean> known = new HashMap<>();

    boolean exists(String className) {
        return known.computeIfAbsent(className, n -> loads(n, Thread.currentThread().getContextClassLoader())
                || loads(n, ClassLookup.class.getClassLoader()));
    }

    private static boolean loads(String className, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (LinkageError e) {
            return true; // something by that name is there, even if it cannot be linked: assume the worst
        }
    }
}
