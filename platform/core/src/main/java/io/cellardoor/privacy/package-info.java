/**
 * Visitors' personal data: {@link io.cellardoor.privacy.PersonalDataMasker} masks emails, phone numbers and card
 * numbers in text that is stored or logged, {@link io.cellardoor.privacy.ContactCipher} encrypts handoff contact
 * fields at rest (AES-GCM, key id per value), {@link io.cellardoor.privacy.RetentionPurge} deletes what outlived the
 * org's retention, and {@link io.cellardoor.privacy.VisitorDataAdminController} answers data subject requests.
 * See docs/privacy-and-security.md.
 */
@NullMarked
package io.cellardoor.privacy;

import org.jspecify.annotations.NullMarked;
