package com.mediassist.core.knowledge;

/** Sex as recorded by DDXPlus: {@code M} or {@code F}. */
public enum Sex {
    M, F
}
