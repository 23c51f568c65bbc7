package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a stored event object field by field and refuses keys nobody read (an allow-list both ways). */
final class StrictFields {

    private final String where;
    private final Map<String, Object> map;
    private final Set<String> read = new HashSet<>();

    StrictFields(String where, Map<String, Object> map) {
        this.where = where;
        this.map = map;
    }

    /** Accepts a key read by other means. */
    void markRead(String key) {
        read.add(key);
    }

    Optional<String> optionalString(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new InvalidEventException(where + key, "a string", String.valueOf(v));
        }
        return Optional.of(s);
    }

    String string(String key) {
        return optionalString(key).orElseThrow(() -> new InvalidEventException(where + key, "a value", "nothing"));
    }

    Optional<Long> optionalLong(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new InvalidEventException(where + key, "an integer", String.valueOf(v));
        }
        return Optional.of(((Number) v).longValue());
    }

    long integer(String key) {
        return optionalLong(key).orElseThrow(() -> new InvalidEventException(where + key, "an integer", "nothing"));
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof String s)) {
                throw new InvalidEventException(where + key, "strings", String.valueOf(o));
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<StrictFields> objects(String key) {
        List<StrictFields> out = new ArrayList<>();
        List<Object> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new InvalidEventException(where + key, "objects", String.valueOf(items.get(i)));
            }
            out.add(new StrictFields(where + key + "[" + i + "].", (Map<String, Object>) m));
        }
        return out;
    }

    private List<Object> list(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new InvalidEventException(where + key, "an array", String.valueOf(v));
        }
        return new ArrayList<>(l);
    }

    /** @throws InvalidEventException naming the first key that is not on the allow-list */
    void requireNoOthers() {
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                throw new InvalidEventException(where + key, "no such field", key);
            }
        }
    }
}
