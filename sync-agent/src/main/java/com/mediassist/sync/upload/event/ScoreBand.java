package com.mediassist.sync.upload.event;

/** A suggestion's probability in 20-point percent bands; never the exact score. */
public enum ScoreBand implements Coded {
    B0_20("0-20"), B20_40("20-40"), B40_60("40-60"), B60_80("60-80"), B80_100("80-100");

    private final String code;

    ScoreBand(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The band of a probability in [0, 1]; values outside are clamped. */
    public static ScoreBand of(double probability) {
        int band = (int) Math.floor(Math.max(0, Math.min(1, probability)) * 5);
        return values()[Math.min(band, 4)];
    }
}
