/**
 * Column conventions shared by the repositories: how instants and dates are written as text, and the
 * checks that turn a bad value into an {@link com.mediassist.store.InvalidValueException} naming its
 * field before SQLite sees it.
 */
package com.mediassist.store.sql;
