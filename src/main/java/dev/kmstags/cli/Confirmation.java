package dev.kmstags.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/** Asks the person at the terminal before {@code tags apply} writes, as {@code terraform apply} does. */
interface Confirmation {

    /** The answer to {@code question}; empty when there is no terminal to ask on. */
    Optional<Boolean> ask(String question);

    /** Asks on {@link System#console()}: only the answer {@code yes} confirms. */
    static Confirmation onTerminal() {
        return question -> {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                return Optional.empty();
            }
            String answer = console.readLine("%s", question);
            return Optional.of(answer != null && answer.strip().equals("yes"));
        };
    }

    /**
     * Whether the console is a terminal. Java 17 has no console without one; from Java 22 on, a console may stand
     * for redirected streams, and {@code Console.isTerminal()} (absent from Java 17's API) tells them apart.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
