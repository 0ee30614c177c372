package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerLinkPolicyTests {

    private static final List<String> ALLOWED =
            List.of("https://hollowcreek.example", "https://tickets.example/hollowcreek/harvest-party");

    private static String sanitize(String markdown) {
        return AnswerLinkPolicy.sanitize(markdown, ALLOWED);
    }

    @Test
    void imagesNeverSurviveOnlyTheirAltText() {
        assertThat(sanitize("Here ![our cellar](https://hollowcreek.example/cellar.jpg) is."))
                .isEqualTo("Here our cellar is.");
        assertThat(sanitize("Leak ![x](https://evil.example/p.png?q=the+secret)"))
                .isEqualTo("Leak x");
        assertThat(sanitize("ref ![logo][1]")).isEqualTo("ref logo");
        assertThat(sanitize("html <IMG SRC=\"https://evil.example/t.gif\" width=1> end"))
                .isEqualTo("html  end");
    }

    @Test
    void linksToAllowedOriginsAndSourceUrlsStay() {
        String ok = "Book [here](https://hollowcreek.example/visit?day=sat#top) or "
                + "[tickets](https://tickets.example/hollowcreek/harvest-party), <https://hollowcreek.example/club>, "
                + "https://hollowcreek.example/hours.";
        assertThat(sanitize(ok)).isEqualTo(ok);
    }

    @Test
    void foreignPlainHttpAndTrickyLinksBecomeText() {
        assertThat(sanitize("See [our page](https://evil.example/?q=secret).")).isEqualTo("See our page.");
        assertThat(sanitize("[http](http://hollowcreek.example/x)")).isEqualTo("http");
        assertThat(sanitize("[other ticket](https://tickets.example/someone-else)"))
                .isEqualTo("other ticket");
        assertThat(sanitize("[lookalike](https://hollowcreek.example.evil.example/)"))
                .isEqualTo("lookalike");
        assertThat(sanitize("[userinfo](https://hollowcreek.example@evil.example/)"))
                .isEqualTo("userinfo");
        assertThat(sanitize("[js](javascript:alert(1))")).doesNotContain("javascript:alert");
        assertThat(sanitize("go to https://evil.example/x?d=secret now"))
                .isEqualTo("go to " + AnswerLinkPolicy.REMOVED + " now");
        assertThat(sanitize("at <https://evil.example/a>.")).isEqualTo("at " + AnswerLinkPolicy.REMOVED + ".");
        assertThat(sanitize("[a][r]\n\n[r]: https://evil.example/x")).isEqualTo("[a][r]\n\n");
    }

    @Test
    void contactLinksStayAndPlainTextIsUntouched() {
        String text = "Call [us](tel:+18455550199) or write to [the team](mailto:hello@hollowcreek.example).\n"
                + "- **Hours**: 11-5, *daily*\n";
        assertThat(sanitize(text)).isEqualTo(text);
    }

    @Test
    void aLinkLabelThatIsAUrlIsKeptWithAnAllowedTarget() {
        String text = "[https://hollowcreek.example/a](https://hollowcreek.example/a)";
        assertThat(sanitize(text)).isEqualTo(text);
    }

    @Test
    void permitsOnlyHttpsOnAllowedOrigins() {
        assertThat(AnswerLinkPolicy.permits("https://HollowCreek.example:443/x", ALLOWED))
                .isTrue();
        assertThat(AnswerLinkPolicy.permits("https://hollowcreek.example:8443/x", ALLOWED))
                .isFalse();
        assertThat(AnswerLinkPolicy.permits("http://hollowcreek.example/x", List.of("http://hollowcreek.example")))
                .isFalse();
    }
}
