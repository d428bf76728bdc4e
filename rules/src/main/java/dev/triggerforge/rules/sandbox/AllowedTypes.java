package dev.triggerforge.rules.sandbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The allow list of what DRL may name: the shared model, the engine's facts and its {@code rt} runtime, and JDK value
 * types. Everything else is refused, so a class nobody thought about is refused too.
 */
final class AllowedTypes {

    /** The name of the runtime global, and the methods of it rules may call (its public API). */
    static final String RUNTIME_GLOBAL = "rt";
    static final Set<String> RUNTIME_API = Set.of("now", "start", "restart", "cancel", "startWait", "send");

    private static final String MODEL = "dev.triggerforge.model";
    private static final List<String> MODEL_EXCLUDED = List.of("dev.triggerforge.model.json");
    private static final Set<String> PACKAGES = Set.of("dev.triggerforge.rules.fact", "java.time",
            "java.time.format", "java.time.temporal", "java.math", "java.util.function");
    private static final Set<String> CLASSES = new HashSet<>();
    private static final Set<String> SIMPLE_NAMES = new HashSet<>(Set.of("EventFact", "Due"));
    /** Annotation names DRL uses on rules and declared types. */
    static final Set<String> ANNOTATIONS = Set.of("Role", "Timestamp", "Duration", "Expires", "Key", "Position",
            "PropertyReactive", "Propagation", "Watch", "Label");
    /** Upper-case words DRL itself gives a meaning to (annotation values), not types. */
    static final Set<String> DRL_WORDS = Set.of("IMMEDIATE", "EAGER", "LAZY");
    /** Packages a hand-written DRL file may not put itself in: they would resolve its names against server code. */
    private static final List<String> RESERVED_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun",
            "org.drools", "org.kie", "org.mvel2", "org.antlr", "org.eclipse", "com.fasterxml", "org.slf4j",
            "io.quarkus", "io.vertx", "io.netty", "org.jboss", "org.hibernate", "dev.triggerforge");
    private static final Set<String> OWN_PACKAGES = Set.of("dev.triggerforge.triggers", "dev.triggerforge.core");

    static {
        classes("java.lang", "String", "Math", "StrictMath", "Integer", "Long", "Double", "Float", "Short", "Byte",
                "Boolean", "Number", "Character", "StringBuilder", "CharSequence", "Object", "Comparable", "Iterable",
                "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
                "ArithmeticException", "NumberFormatException", "NullPointerException",
                "UnsupportedOperationException", "IndexOutOfBoundsException");
        classes("java.util", "List", "Map", "Set", "Collection", "ArrayList", "LinkedList", "HashMap",
                "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "Collections", "Objects",
                "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Arrays", "Iterator", "ListIterator",
                "Comparator", "Deque", "ArrayDeque", "Queue", "PriorityQueue", "SortedMap", "SortedSet",
                "NavigableMap", "NavigableSet", "StringJoiner", "Locale", "NoSuchElementException");
        classes("java.util.stream", "Collectors");
        classes("dev.triggerforge.rules.session", "TriggerRuntime");
    }

    private AllowedTypes() {
    }

    private static void classes(String pkg, String... names) {
        for (String name : names) {
            CLASSES.add(pkg + "." + name);
            SIMPLE_NAMES.add(name);
        }
    }

    /** Whether every class of the package may be used (and so imported with {@code .*}). */
    static boolean packageAllowed(String pkg) {
        if (PACKAGES.contains(pkg)) {
            return true;
        }
        if (!pkg.equals(MODEL) && !pkg.startsWith(MODEL + ".")) {
            return false;
        }
        return MODEL_EXCLUDED.stream().noneMatch(x -> pkg.equals(x) || pkg.startsWith(x + "."));
    }

    /** Whether a class (or a type nested in it) may be used: {@code pkg} holds its package, {@code name} its class. */
    static boolean classAllowed(String pkg, String name) {
        return packageAllowed(pkg) || CLASSES.contains(pkg + "." + name);
    }

    /** Whether an unqualified upper-case name is one of the allowed JDK or engine types. */
    static boolean simpleNameAllowed(String name) {
        return SIMPLE_NAMES.contains(name);
    }

    /** Whether hand-written DRL may declare this package. */
    static boolean packageReserved(String pkg) {
        if (OWN_PACKAGES.contains(pkg)) {
            return false;
        }
        return RESERVED_PACKAGES.stream().anyMatch(r -> pkg.equals(r) || pkg.startsWith(r + "."));
    }
}
