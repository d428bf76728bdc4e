package dev.triggerforge.rules.sandbox;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names that reach outside the model whatever they are attached to: classes reachable without an import (java.lang and
 * MVEL's built-in names), and methods or bean properties that lead to the process, threads, reflection, files, the
 * network or the engine. A name is refused wherever it appears in code, so no receiver or type has to be inferred.
 */
final class ForbiddenNames {

    private static final Map<String, Reach> NAMES = new HashMap<>();
    /** Parts of a name (compared ignoring case) that only reflection, class loading or parallel work use. */
    private static final Map<String, Reach> PARTS = Map.of("class", Reach.REFLECTION, "reflect", Reach.REFLECTION,
            "unsafe", Reach.REFLECTION, "invoke", Reach.REFLECTION, "accessible", Reach.REFLECTION,
            "parallel", Reach.THREADS);
    /** Packages, and what using one of their classes would reach. */
    private static final Map<String, Reach> PACKAGES = new HashMap<>();

    static {
        add(Reach.PROCESS, "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Shutdown",
                "SecurityManager", "StackWalker", "exec", "exit", "halt", "getenv", "getRuntime", "addShutdownHook",
                "load", "loadLibrary", "getProperty", "setProperty", "getProperties", "setProperties",
                "clearProperty", "getInteger", "getLong", "getBoolean", "runtime");
        add(Reach.THREADS, "Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Executor", "Executors",
                "ExecutorService", "ScheduledExecutorService", "ForkJoinPool", "ForkJoinTask", "CompletableFuture",
                "CompletionStage", "Future", "FutureTask", "Timer", "TimerTask", "Cleaner", "LockSupport",
                "Semaphore", "CountDownLatch", "sleep", "wait", "notify", "notifyAll", "parallel", "parallelStream",
                "onSpinWait", "synchronized", "async", "supplyAsync", "runAsync", "park");
        add(Reach.REFLECTION, "ClassLoader", "Module", "ModuleLayer", "Method", "Field", "Constructor", "Array",
                "Proxy", "MethodHandle", "MethodHandles", "MethodType", "VarHandle", "Lookup", "LambdaMetafactory",
                "CallSite", "Introspector", "Instrumentation", "ServiceLoader", "ResourceBundle", "forName",
                "newInstance", "getMethod", "getMethods", "getField", "getFields", "getConstructor",
                "getConstructors", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
                "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getInterfaces",
                "getNestHost", "getNestMembers", "getRecordComponents", "getAccessor", "getComponentType",
                "componentType", "arrayType", "describeConstable", "resolveConstantDesc", "getResource",
                "getResources", "getResourceAsStream", "getModule", "module", "getProtectionDomain",
                "protectionDomain", "getPackage", "lookup", "privateLookupIn", "getBundle", "finalize", "native");
        add(Reach.FILES, "File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileInputStream",
                "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "FileChannel", "FileDescriptor",
                "PrintStream", "InputStream", "OutputStream", "Scanner", "Console", "ZipFile", "JarFile",
                "Preferences");
        add(Reach.NETWORK, "Socket", "ServerSocket", "DatagramSocket", "MulticastSocket", "SocketChannel", "URL",
                "URI", "URLConnection", "HttpURLConnection", "HttpClient", "HttpRequest", "InetAddress",
                "InetSocketAddress", "NetworkInterface", "openConnection", "openStream", "toURL");
        add(Reach.NAMING, "InitialContext", "InitialDirContext", "Naming", "LocateRegistry", "ManagementFactory",
                "MBeanServer", "ObjectName", "JMX", "getPlatformMBeanServer");
        add(Reach.SERIALIZATION, "ObjectInputStream", "ObjectOutputStream", "Serializable", "Externalizable",
                "XMLDecoder", "XMLEncoder", "ObjectMapper", "readObject", "writeObject", "readResolve",
                "writeReplace", "readExternal", "writeExternal", "enableDefaultTyping", "activateDefaultTyping");
        add(Reach.SCRIPTING, "ScriptEngine", "ScriptEngineManager", "MVEL", "ToolProvider", "JavaCompiler", "JShell",
                "GroovyShell", "Compiler", "def");
        add(Reach.ENGINE, "drools", "kcontext", "channels", "KieServices", "KieSession", "KieBase", "KieContainer",
                "KnowledgeHelper", "RuleContext", "getKieRuntime", "kieRuntime", "getWorkingMemory", "workingMemory",
                "getKnowledgeRuntime", "getKieBase", "getSessionClock", "sessionClock", "getEntryPoint",
                "getEntryPoints", "getGlobals", "getGlobal", "setGlobal", "getChannels", "getEnvironment",
                "fireAllRules", "fireUntilHalt", "dispose", "destroy", "advanceTime", "getWait",
                // what an mvel consequence reaches unqualified, on the engine's KnowledgeHelper
                "blockMatch", "unblockAllMatches", "cancelMatch", "bolster", "don", "shed", "guard", "run", "reset",
                "getActivation", "setActivation", "activation", "getChannel", "getContext", "context",
                "getDeclaration", "declaration", "getRequiredDeclarations", "getFactHandle", "getFactHandleFromWM",
                "getMatch", "match", "getRule", "getTuple", "tuple", "insertAsync", "setFocus", "kieBase",
                "knowledgeRuntime", "entryPoint", "toStatefulKnowledgeSession",
                "restoreActivationOnConsequenceFailure");
        add(Reach.STATIC, "static");
        add(Reach.SHARED_STATE, "setDefault");
        add(Reach.LOOP, "while", "until", "foreach");

        pkg(Reach.FILES, "java.io", "java.nio", "java.util.zip", "java.util.jar", "java.util.prefs",
                "java.util.logging");
        pkg(Reach.NETWORK, "java.net", "javax.net", "javax.net.ssl");
        pkg(Reach.REFLECTION, "java.lang.reflect", "java.lang.invoke", "java.lang.instrument", "java.lang.constant",
                "sun", "jdk", "com.sun");
        pkg(Reach.THREADS, "java.util.concurrent");
        pkg(Reach.NAMING, "javax.naming", "javax.management", "java.lang.management", "java.rmi", "javax.rmi");
        pkg(Reach.SCRIPTING, "javax.script", "javax.tools", "org.mvel2");
        pkg(Reach.SERIALIZATION, "java.beans", "com.fasterxml.jackson");
        pkg(Reach.ENGINE, "org.drools", "org.kie");
    }

    /** Names that are DRL keywords outside code but reach the engine inside a consequence or function body. */
    private static final Map<String, Reach> IN_BODY = Map.of("rule", Reach.ENGINE, "function", Reach.SCRIPTING);

    private ForbiddenNames() {
    }

    private static void add(Reach reach, String... names) {
        for (String name : names) {
            NAMES.put(name, reach);
        }
    }

    private static void pkg(Reach reach, String... packages) {
        for (String p : packages) {
            PACKAGES.put(p, reach);
        }
    }

    /** {@link #reach}, for a name inside a consequence, function body or other piece of code. */
    static Reach reachInBody(String name) {
        Reach reach = IN_BODY.get(name);
        return reach != null ? reach : reach(name);
    }

    /** What the name reaches, or null when it is not forbidden by itself; each '$'-separated part counts. */
    static Reach reach(String name) {
        for (String part : name.split("\\$")) {
            Reach reach = NAMES.get(part);
            if (reach != null) {
                return reach;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Reach> part : PARTS.entrySet()) {
            if (lower.contains(part.getKey())) {
                return part.getValue();
            }
        }
        return null;
    }

    /** What a class of this package (or of a package under it) reaches, or {@link Reach#OTHER}. */
    static Reach reachOfPackage(String packageName) {
        for (String p = packageName; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Reach reach = PACKAGES.get(p);
            if (reach != null) {
                return reach;
            }
        }
        return Reach.OTHER;
    }
}
