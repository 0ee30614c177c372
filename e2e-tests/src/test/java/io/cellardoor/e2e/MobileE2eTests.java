package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.BoundingBox;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.pages.DemoPage;
import io.cellardoor.e2e.support.E2eTestSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journey 6: on a phone the open chat takes the whole screen. */
@Order(6)
@DisplayName("Journey 6: mobile viewport")
class MobileE2eTests extends E2eTestSupport {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(WIDTH, HEIGHT)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("en-US")
                .setUserAgent(
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36");
    }

    @Test
    @DisplayName("6. On a 390x844 phone the open panel covers the viewport")
    void panelCoversTheViewport() {
        DemoPage demo = new DemoPage(page).open();
        ChatWidget chat = demo.widget();
        chat.launcher().tap();
        chat.awaitPanelOpen();

        BoundingBox box = chat.panelBox();
        assertThat(box.x).as("panel x").isCloseTo(0, within(2.0));
        assertThat(box.y).as("panel y").isCloseTo(0, within(2.0));
        assertThat(box.width).as("panel width").isCloseTo(WIDTH, within(2.0));
        assertThat(box.height).as("panel height").isCloseTo(HEIGHT, within(2.0));

        // Usable there: the input and the send button are inside the screen, and a question gets an answer.
        BoundingBox input = chat.input().boundingBox();
        assertThat(input.y + input.height).as("bottom of the input").isLessThanOrEqualTo(HEIGHT);
        assertThat(chat.sendButton()).isInViewport();
        chat.ask("Can I bring my dog?");
        assertThat(chat.awaitAnswer()).isNotBlank();
        assertThat(chat.newConversationButton()).isInViewport();
        screenshot("06-mobile-panel");
    }
}
