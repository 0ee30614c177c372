package io.cellardoor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactLineFinderTests {

    @Test
    void takesTheFirstPhoneAndEmailInOrder() {
        assertThat(ContactLineFinder.contactLine(
                        List.of("Call (555) 010-0199 today", "Write to hi@vineyard.example or x@y.z")))
                .hasValue("You can reach us at (555) 010-0199 or hi@vineyard.example.");
    }

    @Test
    void settlesForWhatThereIsAndNothingWhenNothing() {
        assertThat(ContactLineFinder.contactLine(List.of("phone 555.010.0199")))
                .hasValue("You can reach us at 555.010.0199.");
        assertThat(ContactLineFinder.contactLine(List.of("no way to reach us"))).isEmpty();
    }
}
