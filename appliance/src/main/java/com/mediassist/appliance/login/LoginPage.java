package com.mediassist.appliance.login;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders the login page in Spanish (the default) or English. The language comes from
 * {@code ?lang=} when given, else from the browser's {@code Accept-Language}; texts come from the
 * {@code i18n/login_*.properties} bundles. The page carries no inline script or style (the CSP
 * forbids both) and posts to {@code /j_security_check} with the CSRF token in the query string.
 */
@ApplicationScoped
public class LoginPage {

    /** The language used when neither the query nor the browser asks for a supported one. */
    public static final String DEFAULT_LANGUAGE = "es";

    private final Template template;

    public LoginPage(@Location("login.html") Template template) {
        this.template = template;
    }

    /**
     * @param acceptLanguage the request's {@code Accept-Language}, may be null
     * @param langParameter  the {@code lang} query parameter, may be null
     * @param messageKey     {@code credentials}, {@code throttled}, {@code csrf}, {@code logout} or null
     * @param csrfToken      the token the form must echo
     * @return the HTML page
     */
    public String render(String acceptLanguage, String langParameter, String messageKey, String csrfToken) {
        String lang = language(acceptLanguage, langParameter);
        ResourceBundle messages = ResourceBundle.getBundle("i18n.login", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String message = null;
        String kind = "error";
        if (messageKey != null) {
            String key = "logout".equals(messageKey) ? "login.loggedOut" : "login.error." + messageKey;
            try {
                message = messages.getString(key);
            } catch (MissingResourceException unknown) {
                message = messages.getString("login.error.credentials");
            }
            kind = "logout".equals(messageKey) ? "info" : "error";
        }
        return template.data("lang", lang)
                .data("otherLang", "es".equals(lang) ? "en" : "es")
                .data("msg", new Messages(messages))
                .data("message", message)
                .data("messageKind", kind)
                .data("csrf", csrfToken)
                .render();
    }

    /** Picks {@code es} or {@code en}: the explicit parameter first, then the browser's ranking. */
    static String language(String acceptLanguage, String langParameter) {
        if (langParameter != null) {
            String wanted = langParameter.strip().toLowerCase(Locale.ROOT);
            if (wanted.startsWith("en")) {
                return "en";
            }
            if (wanted.startsWith("es")) {
                return "es";
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("es")) {
                        return "es";
                    }
                    if (tag.startsWith("en")) {
                        return "en";
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return DEFAULT_LANGUAGE;
            }
        }
        return DEFAULT_LANGUAGE;
    }

    /** Gives the template access to one bundle's texts. */
    public record Messages(ResourceBundle bundle) {
        public String get(String key) {
            return bundle.getString(key);
        }
    }
}
