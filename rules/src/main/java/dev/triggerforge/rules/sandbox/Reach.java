package dev.triggerforge.rules.sandbox;

/**
 * What a forbidden name would let a rule reach outside the model, in words an admin can act on: the reason part of
 * every sandbox rejection.
 */
enum Reach {
    PROCESS("it reaches the server's process, environment or settings"),
    THREADS("it starts threads, waits, or runs work in the background"),
    REFLECTION("it uses reflection or class loading, which can reach any part of the server"),
    FILES("it reads or writes files"),
    NETWORK("it opens network connections"),
    NAMING("it reaches JNDI, JMX or RMI"),
    SERIALIZATION("it serializes or deserializes objects"),
    SCRIPTING("it runs scripts or compiles code"),
    ENGINE("it controls the rule engine itself; rules act through rt"),
    CLASS_BODY("its methods could be called anywhere, at any time, by whoever holds the object"),
    STATIC("static code runs outside any rule; import a static method with 'import function'"),
    SHARED_STATE("it changes settings shared by the whole server"),
    LOOP("a loop that may never end would stall event processing; iterate a collection with for (x : list)"),
    OTHER("it is not one of the classes rules may use (see rule-authoring.md)");

    private final String why;

    Reach(String why) {
        this.why = why;
    }

    /** The rejection message for {@code name}. */
    String reject(String name) {
        return "'" + name + "' is not allowed in rules: " + why;
    }
}
