package com.mediassist.store.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * The rule every new password must meet, wherever it is set (the installer's {@code users add} and
 * {@code users passwd}, the appliance's first administrator):
 * <ul>
 *   <li>at least {@value #MIN_CHARS} characters (and at most {@value PasswordHasher#MAX_BYTES} UTF-8
 *       bytes, bcrypt's limit);</li>
 *   <li>not the user name (also reversed, or with digits and punctuation around it), and the
 *       estimate counts the user name as a known word;</li>
 *   <li>not one of the common passwords of the estimator's lists;</li>
 *   <li>at least {@value #MIN_ENTROPY_BITS} bits of entropy as estimated by nbvcxz, which finds
 *       dictionary words, keyboard patterns, repeats, sequences, dates and leet-speak.</li>
 * </ul>
 * Plain Java, shared by the installer and the appliance. Thread-safe.
 */
public final class PasswordPolicy {

    /** Fewest characters (code points). */
    public static final int MIN_CHARS = 12;
    /** Least estimated entropy, in bits (nbvcxz's default is 35). */
    public static final double MIN_ENTROPY_BITS = 40;

    private static final List<Dictionary> DICTIONARIES = ConfigurationBuilder.getDefaultDictionaries();
    private static final Set<String> COMMON = DICTIONARIES.stream()
            .filter(d -> d.getDictionaryName().toLowerCase(Locale.ROOT).contains("password"))
            .flatMap(d -> d.getDictonary().keySet().stream())
            .collect(Collectors.toUnmodifiableSet());

    private PasswordPolicy() {
    }

    /**
     * Checks a new password for a user.
     *
     * @throws WeakPasswordException naming what is wrong (never echoing the password)
     */
    public static void check(String username, char[] password) {
        if (password == null) {
            throw new WeakPasswordException("is required");
        }
        String text = new String(password);
        int chars = text.codePointCount(0, text.length());
        if (chars < MIN_CHARS) {
            throw new WeakPasswordException("must have at least " + MIN_CHARS + " characters, has " + chars);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.equals(name) || lettersOf(lower).equals(lettersOf(name))
                || new StringBuilder(lower).reverse().toString().equals(name))) {
            throw new WeakPasswordException("must not be the user name");
        }
        if (COMMON.contains(lower)) {
            throw new WeakPasswordException("is one of the most common passwords");
        }
        List<Dictionary> dictionaries = new ArrayList<>(DICTIONARIES);
        if (!name.isEmpty()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("user").setExclusion(true).addWord(name, 0)
                    .createDictionary());
        }
        Result result = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .setMinimumEntropy(MIN_ENTROPY_BITS).setLocale(Locale.ENGLISH).createConfiguration()).estimate(text);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            throw new WeakPasswordException("is too easy to guess (about " + Math.round(result.getEntropy())
                    + " bits, at least " + Math.round(MIN_ENTROPY_BITS) + " needed)"
                    + (warning == null || warning.isBlank() ? "" : ": " + warning)
                    + "; use a longer passphrase of unrelated words");
        }
    }

    private static String lettersOf(String text) {
        return text.codePoints().filter(Character::isLetter).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }
}
