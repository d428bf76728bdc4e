/**
 * The JavaFX marketer console (issue 9): one package per feature ({@code shell}, {@code rules}, {@code simulation}),
 * talking to each other only through the {@code event} bus.
 */
package dev.triggerforge.console;
