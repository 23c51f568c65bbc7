package com.mediassist.store;

/**
 * A row looked up by its identifier does not exist. Subclasses name the kind of row; the REST edge
 * maps all of them to 404.
 */
public class RecordNotFoundException extends StoreException {

    private final String what;
    private final String id;

    public RecordNotFoundException(String what, Object id) {
        super(what + " not found: " + id);
        this.what = what;
        this.id = String.valueOf(id);
    }

    /** The kind of row that was looked up, e.g. {@code "patient"}. */
    public String what() {
        return what;
    }

    /** The identifier that matched nothing, as text. */
    public String id() {
        return id;
    }
}
