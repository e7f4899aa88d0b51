package dev.kmstags.ui.common;

import dev.kmstags.ui.bulk.BulkReviewViewModel;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.main.AboutText;
import dev.kmstags.ui.review.ReviewViewModel;
import dev.kmstags.ui.tageditor.UnsavedEditsChoice;
import dev.kmstags.ui.tageditor.UnsavedEditsQuestion;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link DialogService} for ViewModel tests: records every dialog it is asked to show and answers with what the
 * test scripted beforehand. A dialog nobody scripted an answer for fails the test.
 */
public final class ScriptedDialogs implements DialogService {

    /** One dialog as shown: its kind and texts. */
    public record Shown(String kind, String title, String header, String content) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final List<ReviewViewModel> reviews = new ArrayList<>();
    private final List<ConflictViewModel> conflicts = new ArrayList<>();
    private final List<BulkReviewViewModel> bulkReviews = new ArrayList<>();
    private final Deque<Predicate<BulkReviewViewModel>> bulkReviewAnswers = new ArrayDeque<>();
    private final Deque<Predicate<ReviewViewModel>> reviewAnswers = new ArrayDeque<>();
    private final Deque<ConflictViewModel.Choice> conflictAnswers = new ArrayDeque<>();
    private final Deque<UnsavedEditsChoice> unsavedAnswers = new ArrayDeque<>();
    private final Deque<Consumer<ConflictViewModel>> conflictActions = new ArrayDeque<>();
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    private final Deque<Object> otherAnswers = new ArrayDeque<>();
    private final List<DialogModel<?>> others = new ArrayList<>();

    /** The next review is answered with Apply, as a user who finds Apply enabled and presses it. */
    public ScriptedDialogs applyNextReview() {
        reviewAnswers.add(review -> review.canApplyProperty().get());
        return this;
    }

    /** The next review is answered by {@code user}, who may type into it first; true means Apply. */
    public ScriptedDialogs answerNextReview(Predicate<ReviewViewModel> user) {
        reviewAnswers.add(user);
        return this;
    }

    /** The next review is cancelled. */
    public ScriptedDialogs cancelNextReview() {
        reviewAnswers.add(review -> false);
        return this;
    }

    /** The next bulk review is answered by {@code user}, who may type into it first; true means Apply. */
    public ScriptedDialogs answerNextBulkReview(Predicate<BulkReviewViewModel> user) {
        bulkReviewAnswers.add(user);
        return this;
    }

    public ScriptedDialogs answerNextConflict(ConflictViewModel.Choice choice) {
        conflictAnswers.add(choice);
        return this;
    }

    /** Before the next conflict is answered, {@code user} acts in it (picks sides). */
    public ScriptedDialogs beforeNextConflictAnswer(Consumer<ConflictViewModel> user) {
        conflictActions.add(user);
        return this;
    }

    public ScriptedDialogs answerNextUnsavedEdits(UnsavedEditsChoice choice) {
        unsavedAnswers.add(choice);
        return this;
    }

    /** The next question asked with {@link #confirm} is answered with its action (true) or Cancel (false). */
    public ScriptedDialogs answerNextConfirm(boolean goAhead) {
        confirmAnswers.add(goAhead);
        return this;
    }

    /** The next file chooser is answered with {@code file}, or cancelled when it is empty. */
    public ScriptedDialogs answerNextFileChoice(Optional<Path> file) {
        fileAnswers.add(file);
        return this;
    }

    /**
     * The next dialog of a feature this fake has no method for (an export question, an import...) is answered with
     * {@code answer}, which must be of that dialog's answer type.
     */
    public ScriptedDialogs answerNextDialog(Object answer) {
        otherAnswers.add(answer);
        return this;
    }

    /** The models of the dialogs answered by {@link #answerNextDialog}, in order. */
    public List<DialogModel<?>> otherDialogs() {
        return others;
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        shown.add(new Shown("confirm", title, header, content));
        return next(confirmAnswers, "confirmation");
    }

    @Override
    public void showInformation(String title, String header, String content) {
        shown.add(new Shown("information", title, header, content));
    }

    @Override
    public void showError(String title, String header, String content) {
        shown.add(new Shown("error", title, header, content));
    }

    /** Shows the dialogs the app has; one this fake does not know fails the test. */
    @Override
    public <R> R show(DialogModel<R> model) {
        Object answer;
        if (model instanceof ReviewViewModel review) {
            answer = confirmReview(review);
        } else if (model instanceof BulkReviewViewModel bulkReview) {
            shown.add(new Shown("bulkReview", bulkReview.title(), bulkReview.totalsText(), bulkReview.callsText()));
            bulkReviews.add(bulkReview);
            answer = next(bulkReviewAnswers, "bulk review").test(bulkReview);
        } else if (model instanceof ConflictViewModel conflict) {
            answer = resolveConflict(conflict);
        } else if (model instanceof UnsavedEditsQuestion question) {
            shown.add(new Shown("unsaved", question.title(), question.header(), question.content()));
            answer = next(unsavedAnswers, "unsaved edits");
        } else if (model instanceof AboutText about) {
            shown.add(new Shown("about", about.title(), about.header(), about.content()));
            answer = about.dismissed();
        } else {
            others.add(model);
            answer = next(otherAnswers, model.getClass().getSimpleName());
        }
        // Each model answers with its own type: Boolean for a review, a Choice for a conflict...
        @SuppressWarnings("unchecked")
        R typed = (R) answer;
        return typed;
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileChoice choice) {
        shown.add(new Shown("open", choice.title(), choice.fileName(), ""));
        return next(fileAnswers, "file to open");
    }

    @Override
    public Optional<Path> chooseFileToSave(FileChoice choice) {
        shown.add(new Shown("save", choice.title(), choice.fileName(), ""));
        return next(fileAnswers, "file to save");
    }

    private boolean confirmReview(ReviewViewModel review) {
        shown.add(new Shown("review", review.title(), review.summary(), ""));
        reviews.add(review);
        return next(reviewAnswers, "review").test(review);
    }

    private ConflictViewModel.Choice resolveConflict(ConflictViewModel conflict) {
        shown.add(new Shown("conflict", conflict.title(), conflict.header(), ""));
        conflicts.add(conflict);
        if (!conflictActions.isEmpty()) {
            conflictActions.removeFirst().accept(conflict);
        }
        return next(conflictAnswers, "conflict");
    }

    private static <T> T next(Deque<T> answers, String dialog) {
        if (answers.isEmpty()) {
            throw new AssertionError("No answer scripted for the " + dialog + " dialog");
        }
        return answers.removeFirst();
    }

    /** Every dialog shown, in order. */
    public List<Shown> shown() {
        return shown;
    }

    /** The dialogs of one kind ("error", "review", "conflict", "unsaved", "confirm"...). */
    public List<Shown> shown(String kind) {
        return shown.stream().filter(dialog -> dialog.kind().equals(kind)).toList();
    }

    public List<ReviewViewModel> reviews() {
        return reviews;
    }

    public List<BulkReviewViewModel> bulkReviews() {
        return bulkReviews;
    }

    public List<ConflictViewModel> conflicts() {
        return conflicts;
    }
}
