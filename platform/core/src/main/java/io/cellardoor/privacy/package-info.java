/**
 * Visitors' personal data: {@link io.cellardoor.privacy.PersonalDataMasker} masks emails, phone numbers and card
 * numbers in text that is stored or logged, {@link io.cellardoor.privacy.ContactCipher} encrypts handoff contact
 * fields at rest (AES-GCM, key id per value). Retention and data subject requests, which use them, are in
 * {@code io.cellardoor.visitors}. See docs/privacy-and-security.md.
 */
@NullMarked
package io.cellardoor.privacy;

import org.jspecify.annotations.NullMarked;
