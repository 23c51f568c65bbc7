package com.mediassist.sync.ota;

/** Dotted numeric versions ({@code 2.0.0} &lt; {@code 2.10.0}); a suffix such as {@code -rc1} is ignored. */
final class Versions {

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] x = a.replaceAll("-.*", "").split("\\.");
        String[] y = b.replaceAll("-.*", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long part(String[] p, int i) {
        try {
            return i < p.length ? Long.parseLong(p[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
