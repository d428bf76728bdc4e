package dev.triggerforge.console;

/**
 * A main class that is not an {@code Application}, so the console also starts from a plain classpath
 * ({@code java -cp ... dev.triggerforge.console.Launcher}) where the JDK launcher would refuse {@link ConsoleApp}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        ConsoleApp.main(args);
    }
}
