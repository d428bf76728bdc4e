package dev.triggerforge.console.library;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line difference of two texts (longest common subsequence), so a marketer sees exactly what changed. */
final class LineDiff {

    /** How a line of the result relates to the two texts. */
    enum Kind { SAME, ADDED, REMOVED }

    record Line(Kind kind, String text) {

        @Override
        public String toString() {
            return switch (kind) {
                case SAME -> "  ";
                case ADDED -> "+ ";
                case REMOVED -> "- ";
            } + text;
        }
    }

    private LineDiff() {
    }

    static List<Line> of(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        return out;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
    }
}
