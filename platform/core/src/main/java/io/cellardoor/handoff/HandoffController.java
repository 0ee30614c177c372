package io.cellardoor.handoff;

import io.cellardoor.tenant.Site;
import io.cellardoor.widget.WidgetCaller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/handoffs}: a visitor leaves a question for the team -> 201 with an acknowledgement. */
@RestController
class HandoffController {

    record LeaveRequest(
            @Nullable UUID conversationId,
            @Nullable String question,
            @Nullable String email,
            @Nullable String name) {}

    record Left(long id, String message) {}

    private final HandoffService handoffs;

    HandoffController(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @PostMapping("/api/v1/handoffs")
    ResponseEntity<Left> leave(WidgetCaller caller, @RequestBody LeaveRequest request) {
        Site site = caller.site();
        UUID visitor = caller.visitorId();
        long id = handoffs.leave(
                site.orgId(),
                site.id(),
                visitor,
                request.conversationId(),
                request.question(),
                request.email(),
                request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Left(
                        id,
                        "Thanks! Our team will answer you at " + request.email().strip() + "."));
    }
}
