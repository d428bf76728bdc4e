package dev.triggerforge.rules.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses DRL functions that call themselves, directly or through other functions of the rule set: recursion is the
 * one way besides loops for a function to run without end, and rules never need it.
 */
final class Recursion {

    /** A DRL function, where it is declared, and the functions of the rule set its body calls. */
    record Function(String name, Findings findings, int line, int column, Set<String> calls) {
    }

    private Recursion() {
    }

    static void check(List<Function> functions) {
        Map<String, Function> byName = new HashMap<>();
        functions.forEach(f -> byName.putIfAbsent(f.name(), f));
        for (Function f : functions) {
            List<String> path = pathBack(f, byName);
            if (path != null) {
                String through = path.size() > 1 ? " through " + String.join(", ", path.subList(1, path.size())) : "";
                f.findings().add(f.line(), f.column(), "function '" + f.name() + "' calls itself" + through
                        + ": recursion may never end and is not allowed in rules");
            }
        }
    }

    /** The shortest chain of calls from {@code f} back to itself, or null. */
    private static List<String> pathBack(Function f, Map<String, Function> byName) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(f.name());
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String callee : byName.get(at).calls()) {
                if (callee.equals(f.name())) {
                    List<String> path = new ArrayList<>();
                    for (String step = at; step != null; step = cameFrom.get(step)) {
                        path.add(step);
                    }
                    Collections.reverse(path);
                    return path;
                }
                if (byName.containsKey(callee) && !cameFrom.containsKey(callee)) {
                    cameFrom.put(callee, at);
                    queue.add(callee);
                }
            }
        }
        return null;
    }
}
