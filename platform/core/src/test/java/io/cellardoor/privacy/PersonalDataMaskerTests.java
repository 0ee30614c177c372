package io.cellardoor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTests {

    @Test
    void masksEmailAddresses() {
        assertThat(PersonalDataMasker.mask("write to Jane.Doe+wine@example.co.uk please"))
                .isEqualTo("write to [email] please");
        assertThat(PersonalDataMasker.mask("two: a@b.io, c_d@e-f.com.")).isEqualTo("two: [email], [email].");
    }

    @Test
    void masksLuhnValidCardNumbersOnly() {
        assertThat(PersonalDataMasker.mask("card 4111 1111 1111 1111 ok")).isEqualTo("card [card] ok");
        assertThat(PersonalDataMasker.mask("card 4111-1111-1111-1111")).isEqualTo("card [card]");
        assertThat(PersonalDataMasker.mask("amex 378282246310005")).isEqualTo("amex [card]");
        // Same shape, fails the Luhn check: not a card (and too long for a phone number).
        assertThat(PersonalDataMasker.mask("order 4111 1111 1111 1112")).isEqualTo("order 4111 1111 1111 1112");
    }

    @Test
    void masksPhoneNumbersInCommonShapes() {
        assertThat(PersonalDataMasker.mask("call me at +1 (845) 555-0123 tonight"))
                .isEqualTo("call me at [phone] tonight");
        assertThat(PersonalDataMasker.mask("mobile 06 12 34 56 78")).isEqualTo("mobile [phone]");
        assertThat(PersonalDataMasker.mask("tel: 845.555.0123")).isEqualTo("tel: [phone]");
        assertThat(PersonalDataMasker.mask("+34612345678")).isEqualTo("[phone]");
    }

    @Test
    void keepsDatesPricesYearsAndTimes() {
        String text = "Is the 2019 Riesling $25.50 on 2026-12-03 at 10:30 for 12 people, or 1,200 bottles?";
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
        assertThat(PersonalDataMasker.mask("open 11am-5pm, 7 days")).isEqualTo("open 11am-5pm, 7 days");
        assertThat(PersonalDataMasker.containsPersonalData(text)).isFalse();
    }

    @Test
    void masksEverythingInOneQuestion() {
        assertThat(PersonalDataMasker.mask("I'm ann@x.org, 555 123 4567, card 5555555555554444"))
                .isEqualTo("I'm [email], [phone], card [card]");
    }

    @Test
    void luhnCheck() {
        assertThat(PersonalDataMasker.luhn("79927398713")).isTrue();
        assertThat(PersonalDataMasker.luhn("79927398710")).isFalse();
    }

    @Test
    void exceptionsForLogKeepClassStackAndCauseButMaskMessages() {
        var cause = new IllegalStateException("Failing row contains (7, bob@example.com)");
        var e = new RuntimeException("insert failed for +1 845 555 0123", cause);
        Throwable logged = PersonalDataMasker.forLog(e);
        assertThat(logged.getMessage()).isEqualTo("java.lang.RuntimeException: insert failed for [phone]");
        assertThat(logged.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(logged.getCause().getMessage()).contains("[email]").doesNotContain("bob@");
    }
}
