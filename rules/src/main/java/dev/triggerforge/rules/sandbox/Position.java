package dev.triggerforge.rules.sandbox;

import java.util.Arrays;

/**
 * Turns an offset in a piece of DRL into the 1-based line and column of its file, the way the Drools parser counts
 * them (lines end at LF, a tab is one column), for a piece that starts at a given line and column.
 */
final class Position {

    private final int[] lineStarts;
    private final int firstLine;
    private final int firstColumn;

    Position(String text, int firstLine, int firstColumn) {
        this.lineStarts = new int[(int) text.chars().filter(c -> c == '\n').count() + 1];
        int n = 1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lineStarts[n++] = k + 1;
            }
        }
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
    }

    int line(int offset) {
        return firstLine + index(offset);
    }

    int column(int offset) {
        int index = index(offset);
        return offset - lineStarts[index] + 1 + (index == 0 ? firstColumn - 1 : 0);
    }

    private int index(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }
}
