package dev.kmstags.inventory;

/** A file that cannot be read whole as an inventory; nothing may be applied from it. */
public final class InventoryReadException extends Exception {

    private final long line;

    InventoryReadException(long line, String message, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
    }

    InventoryReadException(long line, String message) {
        this(line, message, null);
    }

    /** The line where reading stopped, or 0 when the file as a whole is at fault. */
    public long line() {
        return line;
    }
}
