package io.cellardoor.admin.curated.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.cellardoor.curated.CuratedAnswer;
import io.cellardoor.curated.CuratedAnswerInput;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.knowledge.KnowledgeStore.DocumentInfo;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes a new curated answer or edits one; the service validates, stores and audits. */
class CuratedAnswerDialog extends Dialog {

    CuratedAnswerDialog(
            long orgId,
            String username,
            CuratedAnswers curated,
            List<DocumentInfo> documents,
            @Nullable CuratedAnswer existing,
            Runnable saved) {
        setHeaderTitle(existing == null ? "New curated answer" : "Edit curated answer");
        setId("curated-dialog");
        setWidth("min(50rem, 95vw)");
        TextArea question = new TextArea("Question");
        question.setId("curated-question");
        question.setWidthFull();
        question.setMaxLength(CuratedAnswers.MAX_QUESTION_CHARS);
        TextArea answer = new TextArea("Answer (markdown)");
        answer.setId("curated-answer");
        answer.setWidthFull();
        answer.setMinHeight("10em");
        answer.setMaxLength(CuratedAnswers.MAX_ANSWER_CHARS);
        ComboBox<String> document = new ComboBox<>("Cites document (optional)");
        document.setId("curated-document");
        document.setWidthFull();
        document.setItems(documents.stream().map(DocumentInfo::path).toList());
        document.setClearButtonVisible(true);
        if (existing != null) {
            question.setValue(existing.question());
            answer.setValue(existing.answer());
            document.setValue(existing.documentPath());
        }
        add(new VerticalLayout(question, answer, document));
        Button save = new Button("Save", e -> {
            CuratedAnswerInput input =
                    new CuratedAnswerInput(question.getValue(), answer.getValue(), document.getValue());
            try {
                if (existing == null) {
                    curated.create(orgId, username, input);
                } else {
                    curated.update(orgId, username, existing.id(), input);
                }
                saved.run();
                close();
            } catch (ApiProblem problem) {
                answer.setInvalid(true);
                answer.setErrorMessage(problem.getMessage());
            }
        });
        save.setId("curated-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
