package com.mediassist.models.tuf;

/** Orders semantic versions ({@code MAJOR.MINOR.PATCH[-pre]}); a pre-release sorts before its release. */
public final class SemVer {

    private SemVer() {
    }

    /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
    public static int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        String[] na = pa[0].split("\\.");
        String[] nb = pb[0].split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            long x = i < na.length ? Long.parseLong(na[i]) : 0;
            long y = i < nb.length ? Long.parseLong(nb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        if (pa.length != pb.length) {
            return pa.length == 1 ? 1 : -1;
        }
        return pa.length == 1 ? 0 : pa[1].compareTo(pb[1]);
    }

    /** The next minor version: {@code 2.0.3 → 2.1.0}. */
    public static String nextMinor(String v) {
        String[] n = v.split("-", 2)[0].split("\\.");
        return n[0] + "." + (Long.parseLong(n[1]) + 1) + ".0";
    }
}
