package com.mediassist.store.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void refusesShortPasswords() {
        for (String weak : new String[] {"password", "12345678", "Tr0ub4dor&3"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("dra.lopez", weak.toCharArray()))
                    .isInstanceOf(WeakPasswordException.class).hasMessageContaining("at least 12 characters");
        }
    }

    @Test
    void refusesTheUserNameInsideThePassword() {
        assertThatThrownBy(() -> PasswordPolicy.check("dra.lopez", "2026-dra.lopez!!".toCharArray()))
                .isInstanceOf(WeakPasswordException.class).hasMessageContaining("must not be the user name");
    }

    @Test
    void refusesCommonPasswordsAndGuessablePatterns() {
        assertThatThrownBy(() -> PasswordPolicy.check("ana", "password1234".toCharArray()))
                .isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("ana", "qwertyuiopasdf".toCharArray()))
                .isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("ana", "aaaaaaaaaaaaaaaa".toCharArray()))
                .isInstanceOf(WeakPasswordException.class).hasMessageNotContaining("aaaa");
    }

    @Test
    void acceptsALongPassphraseOfUnrelatedWords() {
        assertThatCode(() -> PasswordPolicy.check("dra.lopez", "Velero-Quinta-Ambar-2931".toCharArray()))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("admin", "lechuza granate tambor velero".toCharArray()))
                .doesNotThrowAnyException();
    }
}
