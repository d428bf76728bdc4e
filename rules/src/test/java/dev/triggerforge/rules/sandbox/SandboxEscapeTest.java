package dev.triggerforge.rules.sandbox;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.triggerforge.rules.sandbox.Drl.HEADER;
import static dev.triggerforge.rules.sandbox.Drl.condition;
import static dev.triggerforge.rules.sandbox.Drl.consequence;
import static dev.triggerforge.rules.sandbox.Drl.mvel;
import static dev.triggerforge.rules.sandbox.Drl.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One real escape per case: DRL that Drools alone compiles (checked), that the compiler must refuse, with the file, the
 * line and the reason an admin reads.
 */
class SandboxEscapeTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private static final String PROCESS = "it reaches the server's process, environment or settings";
    private static final String THREADS = "it starts threads, waits, or runs work in the background";
    private static final String REFLECTION = "it uses reflection or class loading";
    private static final String FILES = "it reads or writes files";
    private static final String NETWORK = "it opens network connections";
    private static final String NAMING = "it reaches JNDI, JMX or RMI";
    private static final String SERIALIZATION = "it serializes or deserializes objects";
    private static final String SCRIPTING = "it runs scripts or compiles code";
    private static final String ENGINE = "it controls the rule engine itself";
    private static final String LOOP = "a loop that may never end";

    static Stream<Arguments> escapes() {
        return Stream.of(
                escape("System.exit in a consequence", consequence("System.exit( 0 );"), 10, refused("System", PROCESS)),
                escape("System.getenv in an eval", condition("eval( System.getenv( \"HOME\" ) != null )"), 8, PROCESS),
                escape("System.getProperty", consequence("String home = System.getProperty( \"user.home\" );"), 10,
                        PROCESS),
                escape("System.out", consequence("System.out.println( $e );"), 10, PROCESS),
                escape("Runtime.exec", consequence("Runtime.getRuntime().exec( \"id\" );"), 10, refused("Runtime", PROCESS)),
                escape("ProcessBuilder", consequence("new ProcessBuilder( \"id\" ).start();"), 10, PROCESS),
                escape("Integer.getInteger reads a system property", consequence("Integer.getInteger( \"port\" );"),
                        10, refused("getInteger", PROCESS)),
                escape("var holding java.lang.Runtime", consequence("var r = java.lang.Runtime.getRuntime();"), 10,
                        PROCESS),
                escape("Thread", consequence("new Thread( () -> { } ).start();"), 10, THREADS),
                escape("executor", consequence(
                        "java.util.concurrent.Executors.newSingleThreadExecutor().submit( () -> { } );"), 10, THREADS),
                escape("ForkJoinPool", consequence(
                        "java.util.concurrent.ForkJoinPool.commonPool().execute( () -> { } );"), 10, THREADS),
                escape("CompletableFuture.runAsync", consequence(
                        "java.util.concurrent.CompletableFuture.runAsync( () -> { } );"), 10, THREADS),
                escape("java.util.Timer", consequence("new java.util.Timer();"), 10, THREADS),
                escape("parallel sort on the common pool", consequence(
                        "java.util.Arrays.parallelSort( new int[] { 2, 1 } );"), 10, refused("parallelSort", THREADS)),
                escape("an anonymous class, whose methods run wherever the object goes", consequence(
                        "java.util.List.of( new Object() { public String toString() { return \"x\"; } } );"), 10,
                        "'new ...() { ... }' is not allowed in rules"),
                escape("parallel stream", consequence("$e.getSkus().parallelStream().count();"), 10, THREADS),
                escape("Object.wait", consequence("try { $e.wait( 10 ); } catch ( Exception x ) { }"), 10,
                        refused("wait", THREADS)),
                escape("Class.forName on a built name", consequence(
                        "Class.forName( \"java.lang.\" + \"Runtime\" );"), 10, REFLECTION),
                escape("getClass", consequence("$e.getClass().getClassLoader();"), 10, refused("getClass", REFLECTION)),
                escape("class literal", consequence("String.class.getMethods();"), 10, refused("class", REFLECTION)),
                escape("method reference to getClass", consequence(
                        "java.util.function.Supplier<Object> s = $e::getClass;"), 10, REFLECTION),
                escape("Enum.getDeclaringClass", consequence("java.time.DayOfWeek.MONDAY.getDeclaringClass();"), 10,
                        REFLECTION),
                escape("import java.lang.reflect", top("import java.lang.reflect.Method"), 6,
                        refused("java.lang.reflect.Method", REFLECTION)),
                escape("MethodHandles", consequence("java.lang.invoke.MethodHandles.lookup();"), 10, REFLECTION),
                escape("ClassLoader", consequence("ClassLoader.getSystemClassLoader();"), 10, REFLECTION),
                escape("Unsafe", consequence("sun.misc.Unsafe.getUnsafe();"), 10, REFLECTION),
                escape("java.io.File inline", consequence("new java.io.File( \"/tmp/x\" ).delete();"), 10,
                        refused("java.io.File", FILES)),
                escape("java.nio.file", consequence(
                        "java.nio.file.Files.readString( java.nio.file.Path.of( \"/etc/hostname\" ) );"), 10, FILES),
                escape("RandomAccessFile", consequence("new java.io.RandomAccessFile( \"/tmp/x\", \"rw\" );"), 10,
                        FILES),
                escape("java.io.File in a condition", condition("eval( new java.io.File( \"/tmp/x\" ).exists() )"), 8,
                        FILES),
                escape("import java.io.File", top("import java.io.File"), 6, FILES),
                escape("comments between the parts of a name", consequence(
                        "new java /* x */ . io . File( \"/tmp/x\" ).delete();"), 10, FILES),
                escape("Socket", consequence("new java.net.Socket( \"example.com\", 80 );"), 10, NETWORK),
                escape("URL", consequence("new java.net.URL( \"http://example.com\" ).openStream();"), 10, NETWORK),
                escape("HttpClient", consequence("java.net.http.HttpClient.newHttpClient();"), 10, NETWORK),
                escape("JNDI lookup", consequence(
                        "new javax.naming.InitialContext().lookup( \"ldap://example.com/x\" );"), 10, NAMING),
                escape("JMX", consequence("java.lang.management.ManagementFactory.getPlatformMBeanServer();"), 10,
                        NAMING),
                escape("deserialization", consequence("new java.io.ObjectInputStream("
                        + " new java.io.ByteArrayInputStream( new byte[0] ) ).readObject();"), 10, SERIALIZATION),
                escape("script engine", consequence(
                        "new javax.script.ScriptEngineManager().getEngineByName( \"js\" );"), 10, SCRIPTING),
                escape("MVEL eval", consequence("org.mvel2.MVEL.eval( \"1 + 1\" );"), 10, SCRIPTING),
                escape("drools.halt", consequence("drools.halt();"), 10, refused("drools", ENGINE)),
                escape("kcontext", consequence("kcontext.getKieRuntime().getKieBase();"), 10, ENGINE),
                escape("a due wait's internals", HEADER + """
                        rule "snippet"
                        when
                            $d : Due( triggerId == "winback" )
                        then
                            $d.getWait().end();
                        end
                        """, 10, refused("getWait", ENGINE)),
                escape("a unicode escape (Java decodes it anywhere)", top("""
                        function void boom() {
                            \\u0053ystem.exit( 1 );
                        }"""), 7, "unicode escapes such as \\u0053 are not allowed"),
                escape("a unicode line break ending a comment", consequence("// note \\u000A System.exit( 0 );"), 10,
                        "unicode escapes"),
                escape("import static", top("import static java.lang.System.exit"), 6,
                        refused("java.lang.System", PROCESS)),
                escape("import function", top("import function java.lang.System.exit"), 6, PROCESS),
                escape("rt method outside its API", consequence("rt.toString();"), 10,
                        "'rt.toString' is not part of what rules may call on rt"),
                escape("rt passed around", consequence("java.util.List.of( rt );"), 10, "'rt' may only be used"),
                escape("declare extending Thread", top("declare Worker extends Thread\nend"), 6, THREADS),
                escape("global of a disallowed type", top("global java.io.File home"), 6, FILES),
                escape("field initializer of a declared type", top("""
                        declare Settings
                            home : String = System.getProperty( "user.home" )
                        end"""), 7, PROCESS),
                escape("function body", top("""
                        function void boom() {
                            System.exit( 1 );
                        }"""), 7, PROCESS),
                escape("from expression", condition("$home : String() from System.getProperty( \"user.home\" )"), 8,
                        PROCESS),
                escape("accumulate expression", condition(
                        "$n : Number() from accumulate( EventFact( $t : timestamp ), sum( System.nanoTime() ) )"), 8,
                        PROCESS),
                escape("dynamic salience", HEADER + """
                        rule "snippet"
                            salience ( Runtime.getRuntime().availableProcessors() )
                        when
                            $e : EventFact( type == "purchase" )
                        then
                        end
                        """, 7, PROCESS),
                escape("custom accumulate function", top(
                        "import accumulate org.drools.core.base.accumulators.SumAccumulateFunction mysum"), 6,
                        "custom accumulate functions"),
                escape("MVEL with on a file", mvel("with ( new java.io.File( \"/tmp/x\" ) ) { setReadable( true ) }"),
                        11, FILES),
                escape("MVEL modify of rt", mvel("modify ( rt ) { }"), 11, "'rt' may only be used"),
                escape("MVEL inline import", mvel("import java.io.File; new File( \"/tmp/x\" ).delete();"), 11,
                        FILES),
                escape("MVEL built-in Array", mvel("Array.newInstance( String, 1 );"), 11, REFLECTION),
                escape("MVEL class property", mvel("$e.class.classLoader"), 11, REFLECTION),
                escape("MVEL call on the engine's helper", mvel("halt();"), 11, refused("halt", PROCESS)),
                escape("MVEL rule of the engine's helper", mvel("rule.name;"), 11, refused("rule", ENGINE)),
                escape("MVEL property of the engine's helper", mvel("kieRuntime.kieBase;"), 11,
                        refused("kieRuntime", ENGINE)),
                escape("while loop", consequence("while ( $e.getSkus().isEmpty() ) { }"), 10, refused("while", LOOP)),
                escape("classic for loop", consequence("for ( int i = 0; i >= 0; i++ ) { }"), 10, LOOP),
                escape("do loop", consequence("do { } while ( $e.getSkus().isEmpty() );"), 10, refused("do { } while", LOOP)),
                escape("recursive function", top("""
                        function int depth( int n ) {
                            return depth( n + 1 );
                        }"""), 6, "function 'depth' calls itself"),
                escape("mutually recursive functions", top("""
                        function int ping( int n ) {
                            return pong( n );
                        }
                        function int pong( int n ) {
                            return ping( n );
                        }"""), 6, "function 'ping' calls itself through pong"),
                escape("Locale.setDefault", consequence("java.util.Locale.setDefault( java.util.Locale.FRANCE );"),
                        10, "changes settings shared by the whole server"),
                escape("import java.util.*", top("import java.util.*"), 6, "'java.util.*' is not allowed in rules"),
                escape("a server class of the file's own package", """
                        package org.apache.commons.math3.util

                        import dev.triggerforge.rules.fact.*

                        rule "snippet"
                        when
                            $e : EventFact( type == "purchase" )
                        then
                            FastMath.max( 1, 2 );
                        end
                        """, 9, "'FastMath' would be the server class org.apache.commons.math3.util.FastMath"),
                escape("a package of the server", """
                        package dev.triggerforge.rules.session

                        import dev.triggerforge.rules.fact.*

                        rule "snippet"
                        when
                            $e : EventFact( type == "purchase" )
                        then
                        end
                        """, 1, "package 'dev.triggerforge.rules.session' belongs to the server"),
                escape("a java.lang type outside the allow list", consequence("StringBuffer b = new StringBuffer();"),
                        10, "'StringBuffer' is not a type rules may use"));
    }

    private static String refused(String name, String reason) {
        return "'" + name + "' is not allowed in rules: " + reason;
    }

    private static Arguments escape(String name, String drl, int line, String reason) {
        return Arguments.of(name, drl, line, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void isRefusedAtItsLineWithItsReason(String name, String drl, int line, String reason) {
        assertThat(PlainDrools.errors(drl)).as("without the sandbox, Drools compiles it").isEmpty();

        List<CompileError> errors = rejected(drl);
        assertThat(errors).as("errors of %s", name).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("escape.drl");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isPositive();
            assertThat(e.message()).contains(reason);
        });
    }

    private static List<CompileError> rejected(String drl) {
        RuleSet ruleSet = new RuleSet("escape", List.of(new DrlSource("escape.drl", drl)), List.of(),
                GuardrailSettings.DEFAULTS);
        RuleSetRejectedException e = catchThrowableOfType(() -> COMPILER.compile(ruleSet),
                RuleSetRejectedException.class);
        assertThat(e).as("rule set should be rejected").isNotNull();
        return e.errors();
    }
}
